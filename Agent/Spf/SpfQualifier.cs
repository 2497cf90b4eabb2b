namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The qualifier of a directive: the result when its mechanism matches (RFC 7208 §4.6.2).
/// </summary>
public enum SpfQualifier
{
    /// <summary>"+", the default.</summary>
    Pass,

    /// <summary>"-".</summary>
    Fail,

    /// <summary>"~".</summary>
    SoftFail,

    /// <summary>"?".</summary>
    Neutral,
}
