namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Where the originating IP of an <see cref="OriginDecision"/> came from.
/// </summary>
public enum OriginDecisionSource
{
    /// <summary>No source produced the decision, for example because the peer address is unknown.</summary>
    None,

    /// <summary>The SMTP peer itself, because it is not a trusted relay.</summary>
    Peer,

    /// <summary>The origin header.</summary>
    Header,

    /// <summary>The <c>Received</c> headers.</summary>
    ReceivedChain,

    /// <summary>Exchange's last external IP address.</summary>
    ExchangeLastExternal,
}
