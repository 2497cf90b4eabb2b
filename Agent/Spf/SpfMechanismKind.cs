namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The mechanisms of RFC 7208 §5.
/// </summary>
public enum SpfMechanismKind
{
    /// <summary>"all" (§5.1): always matches.</summary>
    All,

    /// <summary>"include" (§5.2): matches when a nested check of another domain passes.</summary>
    Include,

    /// <summary>"a" (§5.3): matches an address record of the target name.</summary>
    A,

    /// <summary>"mx" (§5.4): matches an address of one of the target's MX hosts.</summary>
    Mx,

    /// <summary>"ptr" (§5.5): matches a validated reverse name under the target name.</summary>
    Ptr,

    /// <summary>"ip4" (§5.6): matches an IPv4 network.</summary>
    Ip4,

    /// <summary>"ip6" (§5.6): matches an IPv6 network.</summary>
    Ip6,

    /// <summary>"exists" (§5.7): matches when the target name has an A record.</summary>
    Exists,
}
