namespace ExchangeSpfAgent.Origin;

/// <summary>
/// How a walk of the <c>Received</c> headers ended.
/// </summary>
public enum ReceivedChainStatus
{
    /// <summary>A hop from an untrusted address was found.</summary>
    Found,

    /// <summary>The message has no <c>Received</c> header.</summary>
    NoReceivedHeaders,

    /// <summary>Every handover came from a trusted relay, or no line records a handover.</summary>
    NoUntrustedHop,

    /// <summary>A line that records a handover could not be parsed, so the walk stopped.</summary>
    Unparseable,

    /// <summary>The walk reached <see cref="ReceivedChainWalker.MaxHeaders"/> lines without an untrusted hop.</summary>
    TooManyHeaders,
}
