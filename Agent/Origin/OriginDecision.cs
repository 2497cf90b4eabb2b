using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The originating IP that SPF should check for a message, or why there is none.
/// </summary>
public sealed class OriginDecision
{
    internal OriginDecision(
        OriginStatus status,
        OriginDecisionSource source,
        IPAddress? address,
        string? helo,
        string reason,
        IReadOnlyList<ReceivedChainHop>? hops)
    {
        Status = status;
        Source = source;
        Address = address;
        Helo = helo;
        Reason = reason;
        Hops = hops ?? Array.Empty<ReceivedChainHop>();
    }

    /// <summary>Gets whether an origin was found that should be checked.</summary>
    public OriginStatus Status { get; }

    /// <summary>Gets the source that produced the decision.</summary>
    public OriginDecisionSource Source { get; }

    /// <summary>
    /// Gets the origin, normalized. Set when <see cref="Status"/> is Found or Skipped; SPF checks it
    /// only when Found.
    /// </summary>
    public IPAddress? Address { get; }

    /// <summary>Gets the HELO name that belongs to <see cref="Address"/>, or null when unknown.</summary>
    public string? Helo { get; }

    /// <summary>Gets one or two sentences for the decision log that describe how the origin was chosen.</summary>
    public string Reason { get; }

    /// <summary>
    /// Gets the <c>Received</c> headers that were examined, newest first, with their trusted flag.
    /// Empty when the chain was not read.
    /// </summary>
    public IReadOnlyList<ReceivedChainHop> Hops { get; }
}
