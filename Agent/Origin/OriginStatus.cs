namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Whether an originating IP was found that SPF should check.
/// </summary>
public enum OriginStatus
{
    /// <summary>An origin was found and should be checked.</summary>
    Found,

    /// <summary>No source produced an origin.</summary>
    NotFound,

    /// <summary>The origin header occurs more than once and the occurrence rule is <c>Single</c>.</summary>
    Ambiguous,

    /// <summary>The origin header or a <c>Received</c> header that had to be read is invalid.</summary>
    Garbled,

    /// <summary>The origin is in the skip list, so it is not checked.</summary>
    Skipped,

    /// <summary>The sources produced only addresses of trusted relays, which are never the origin.</summary>
    TrustedRelayAsOrigin,
}
