using System;
using System.Collections.Generic;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// What the pipeline decided for one message: the action to apply, the reply, the headers to add and
/// the recipients to remove, with the facts behind it for the decision log.
/// </summary>
public sealed class MessageDecision
{
    /// <summary>The action to apply; Stamp or Accept when nothing is enforced.</summary>
    public SpfAction Action { get; init; } = SpfAction.Accept;

    /// <summary>The action the configuration asks for, before log-only mode and bypass lists.</summary>
    public SpfAction ConfiguredAction { get; init; } = SpfAction.Accept;

    /// <summary>The reply for Reject and Defer; null otherwise.</summary>
    public SmtpReply? Reply { get; init; }

    /// <summary>The SPF result of the deciding identity, or null when no check ran.</summary>
    public SpfCheckResult? Result { get; init; }

    /// <summary>Every SPF result, HELO first.</summary>
    public IReadOnlyList<SpfCheckResult> Results { get; init; } = Array.Empty<SpfCheckResult>();

    /// <summary>The origin decision, or null when the session was out of scope.</summary>
    public OriginDecision? Origin { get; init; }

    /// <summary>Headers to insert at the top of the header list, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The authserv-id whose incoming Authentication-Results headers must be removed, or null.</summary>
    public string? ForgedAuthServId { get; init; }

    /// <summary>Recipients to remove because the action applies to them while others are bypassed.</summary>
    public IReadOnlyList<string> RecipientsToRemove { get; init; } = Array.Empty<string>();

    /// <summary>The recipients to quarantine when the action is Quarantine.</summary>
    public IReadOnlyList<string> QuarantinedRecipients { get; init; } = Array.Empty<string>();

    /// <summary>The decision log line.</summary>
    public DecisionRecord Record { get; init; } = new();
}
