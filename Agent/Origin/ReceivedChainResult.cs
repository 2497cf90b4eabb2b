using System.Collections.Generic;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The outcome of <see cref="ReceivedChainWalker.Walk"/>.
/// </summary>
public sealed class ReceivedChainResult
{
    internal ReceivedChainResult(
        ReceivedChainStatus status, ReceivedChainHop? origin, IReadOnlyList<ReceivedChainHop> hops, string reason)
    {
        Status = status;
        Origin = origin;
        Hops = hops;
        Reason = reason;
    }

    /// <summary>Gets how the walk ended.</summary>
    public ReceivedChainStatus Status { get; }

    /// <summary>Gets the first untrusted hop when <see cref="Status"/> is Found, otherwise null.</summary>
    public ReceivedChainHop? Origin { get; }

    /// <summary>Gets every header examined, newest first, up to and including the one that ended the walk.</summary>
    public IReadOnlyList<ReceivedChainHop> Hops { get; }

    /// <summary>Gets a sentence for the decision log that describes how the walk ended.</summary>
    public string Reason { get; }
}
