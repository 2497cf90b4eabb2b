namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// The client address that a benchmark or load message comes from, by address family and by whether the
/// sender's SPF policy lists it.
/// </summary>
public enum ClientKind
{
    /// <summary>An IPv4 address listed by a nested include of the second provider: the result is pass.</summary>
    Ipv4Pass,

    /// <summary>An IPv4 address listed nowhere in the policy: the result is fail.</summary>
    Ipv4Fail,

    /// <summary>An IPv6 address listed by a nested include of the second provider: the result is pass.</summary>
    Ipv6Pass,

    /// <summary>An IPv6 address listed nowhere in the policy: the result is fail.</summary>
    Ipv6Fail,
}
