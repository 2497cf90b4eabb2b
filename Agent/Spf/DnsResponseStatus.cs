namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The outcome a DNS server returned for a name and type, in the cases SPF evaluation must tell apart.
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
