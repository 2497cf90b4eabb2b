using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// What one <see cref="OriginSource"/> produced for <see cref="OriginSelector"/>.
/// </summary>
internal sealed class OriginAttempt
{
    private OriginAttempt(OriginAttemptOutcome outcome, IPAddress? address, string? helo, string reason)
    {
        Outcome = outcome;
        Address = address;
        Helo = helo;
        Reason = reason;
    }

    public OriginAttemptOutcome Outcome { get; }

    public IPAddress? Address { get; }

    public string? Helo { get; }

    public string Reason { get; }

    /// <summary>Gets the Received headers that were read for this attempt, if any.</summary>
    public IReadOnlyList<ReceivedChainHop>? Hops { get; private set; }

    public static OriginAttempt Found(IPAddress address, string? helo, string reason) =>
        new OriginAttempt(OriginAttemptOutcome.Found, address, helo, reason);

    public static OriginAttempt Absent(string reason) =>
        new OriginAttempt(OriginAttemptOutcome.Absent, null, null, reason);

    public static OriginAttempt TrustedRelay(string reason) =>
        new OriginAttempt(OriginAttemptOutcome.TrustedRelay, null, null, reason);

    public static OriginAttempt Ambiguous(string reason) =>
        new OriginAttempt(OriginAttemptOutcome.Ambiguous, null, null, reason);

    public static OriginAttempt Garbled(string reason) =>
        new OriginAttempt(OriginAttemptOutcome.Garbled, null, null, reason);

    public OriginAttempt WithHops(IReadOnlyList<ReceivedChainHop>? hops)
    {
        Hops = hops;
        return this;
    }
}
