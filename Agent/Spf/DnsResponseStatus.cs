namespace ExchangeSpfAgent.Spf;

/// <summary>
/// What a DNS server said about a name and type, as SPF evaluation must tell the cases apart.
/// </summary>
public enum DnsResponseStatus
{
    /// <summary>The name exists and has at least one record of the requested type.</summary>
    Answer,

    /// <summary>The name exists but has no record of the requested type (NOERROR with an empty answer).</summary>
    NoData,

    /// <summary>The name does not exist (RCODE 3).</summary>
    NxDomain,

    /// <summary>The lookup timed out or the server failed (SERVFAIL, REFUSED, network errors).</summary>
    TemporaryFailure,
}
