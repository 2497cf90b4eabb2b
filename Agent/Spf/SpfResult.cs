namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The result of <c>check_host()</c> (RFC 7208 §2.6).
/// </summary>
public enum SpfResult
{
    /// <summary>No SPF record, or no domain could be extracted to check (RFC 7208 §2.6.1).</summary>
    None,

    /// <summary>The domain owner states nothing about the client (RFC 7208 §2.6.2).</summary>
    Neutral,

    /// <summary>The client is authorized (RFC 7208 §2.6.3).</summary>
    Pass,

    /// <summary>The client is not authorized (RFC 7208 §2.6.4).</summary>
    Fail,

    /// <summary>The client is probably not authorized (RFC 7208 §2.6.5).</summary>
    SoftFail,

    /// <summary>A transient error, usually DNS, stopped the check (RFC 7208 §2.6.6).</summary>
    TempError,

    /// <summary>The published records could not be interpreted (RFC 7208 §2.6.7).</summary>
    PermError,
}
