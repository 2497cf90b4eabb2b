using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// The decision pipeline at end of headers: scope, originating IP, identities, SPF evaluation,
/// verdict and headers. It has no Exchange dependency; the agent and the admin tool share it.
/// </summary>
/// <remarks>Thread-safe: between messages it keeps only the shared resolver and the origin selector.</remarks>
public sealed class MessageChecker
{
    // What the decision log shows for a discard; the agent sends 250 2.6.0 with the message id.
    private const string DiscardReplyText = "250 2.6.0 Queued mail for delivery (discarded)";

    private readonly IDnsResolver _resolver;

    // The selector validates its options once; it is rebuilt only when a reload brings new options.
    private Tuple<OriginSelectorOptions, OriginSelector>? _selector;

    // The evaluator is rebuilt only when a reload brings new evaluation settings or the receiver name changes.
    private Tuple<EvaluationSettings, string, SpfEvaluator>? _evaluator;

    public MessageChecker(IDnsResolver resolver)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
    }

    /// <summary>Decides what to do with one message under <paramref name="settings"/>.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled the check.</exception>
    public async Task<MessageDecision> CheckAsync(
        MessageContext message,
        AgentSettings settings,
        CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        long startTimestamp = Stopwatch.GetTimestamp();
        string? skipReason = ScopeRules.SkipReason(message, settings.Scope);
        if (skipReason != null)
        {
            return Accept(message, null, skipReason, startTimestamp);
        }

        OriginDecision origin = SelectorFor(settings.Origin).Select(new OriginRequest
        {
            PeerAddress = message.PeerAddress,
            SessionHelo = message.SessionHelo,
            OriginHeaderValues = message.OriginHeaderValues,
            ReceivedValues = message.ReceivedValues,
            LastExternalAddress = message.LastExternalAddress,
        });
        if (origin.Status != OriginStatus.Found || origin.Address is null)
        {
            // An absent, garbled or ambiguous origin means no SPF action: stamp none with the reason.
            return StampNone(message, settings, origin, startTimestamp);
        }

        string receiver = settings.Evaluation.ReceiverName ?? message.ServerName;
        SpfEvaluator evaluator = EvaluatorFor(settings.Evaluation, receiver);
        IPAddress client = origin.Address;
        string helo = origin.Helo ?? string.Empty;
        bool nullSender = message.MailFrom.Length == 0;

        var results = new List<SpfCheckResult>();
        SpfCheckResult? deciding = null;
        SpfAction configured = SpfAction.Stamp;
        if (settings.Evaluation.CheckHelo && helo.Length > 0)
        {
            SpfCheckResult heloResult = await evaluator.CheckHeloCoreAsync(client, helo, cancellationToken);
            results.Add(heloResult);
            SpfAction heloAction = settings.Actions.For(SpfIdentity.Helo, heloResult.Result, nullSender);
            if (IsEnforcing(heloAction))
            {
                deciding = heloResult;
                configured = heloAction;
            }
        }

        if (deciding is null)
        {
            deciding = await evaluator.CheckMailFromCoreAsync(client, message.MailFrom, helo, cancellationToken);
            results.Add(deciding);
            configured = settings.Actions.For(SpfIdentity.MailFrom, deciding.Result, nullSender);
        }

        return Decide(message, settings, origin, results, deciding, configured, receiver, startTimestamp);
    }

    private OriginSelector SelectorFor(OriginSelectorOptions options)
    {
        Tuple<OriginSelectorOptions, OriginSelector>? current = Volatile.Read(ref _selector);
        if (current is null || !ReferenceEquals(current.Item1, options))
        {
            current = Tuple.Create(options, new OriginSelector(options));
            Volatile.Write(ref _selector, current);
        }

        return current.Item2;
    }

    private SpfEvaluator EvaluatorFor(EvaluationSettings settings, string receiver)
    {
        Tuple<EvaluationSettings, string, SpfEvaluator>? current = Volatile.Read(ref _evaluator);
        if (current is null || !ReferenceEquals(current.Item1, settings) || !string.Equals(current.Item2, receiver, StringComparison.Ordinal))
        {
            var evaluator = new SpfEvaluator(_resolver, new SpfEvaluatorOptions
            {
                TimeBudget = settings.TimeBudget,
                ReceiverName = receiver,
            });
            current = Tuple.Create(settings, receiver, evaluator);
            Volatile.Write(ref _evaluator, current);
        }

        return current.Item3;
    }

    private static MessageDecision Decide(
        MessageContext message,
        AgentSettings settings,
        OriginDecision origin,
        List<SpfCheckResult> results,
        SpfCheckResult deciding,
        SpfAction configured,
        string receiver,
        long startTimestamp)
    {
        string clientIp = origin.Address!.ToString();
        var reasons = new List<string> { origin.Reason };
        SpfAction action = configured;
        IReadOnlyList<string> removals = Array.Empty<string>();
        IReadOnlyList<string> quarantined = Array.Empty<string>();

        if (IsEnforcing(configured))
        {
            string? bypass = BypassRules.MessageBypassReason(origin.Address, message.MailFrom, settings.Bypass);
            IReadOnlyList<string> bypassedRecipients = BypassRules.BypassedRecipients(message.Recipients, settings.Bypass);
            IReadOnlyList<string> others = bypassedRecipients.Count == 0
                ? message.Recipients
                : message.Recipients.Except(bypassedRecipients, StringComparer.OrdinalIgnoreCase).ToArray();
            if (bypass != null)
            {
                reasons.Add(bypass);
                action = SpfAction.Stamp;
            }
            else if (bypassedRecipients.Count > 0)
            {
                (action, removals, quarantined) = SplitForBypassedRecipients(configured, others);
                reasons.Add($"Recipients bypassed: {string.Join(" ", bypassedRecipients)}. " + action switch
                {
                    SpfAction.Quarantine => "The others are quarantined.",
                    _ when removals.Count > 0 => "The others are removed.",
                    _ => $"{configured} is not applied, because it would also hold the bypassed recipients' mail.",
                });
            }
            else if (configured == SpfAction.Quarantine)
            {
                quarantined = message.Recipients;
            }

            if (settings.Mode == AgentMode.LogOnly)
            {
                if (action == configured || removals.Count > 0)
                {
                    reasons.Add($"Log-only mode: would {configured}.");
                }

                action = SpfAction.Stamp;
                removals = Array.Empty<string>();
                quarantined = Array.Empty<string>();
            }
        }

        SmtpReply? reply = action is SpfAction.Reject or SpfAction.Defer
            ? ReplyBuilder.For(action, deciding, clientIp, settings.Responses)
            : null;
        bool keepsMessage = action is SpfAction.Stamp or SpfAction.Quarantine;
        string authServId = settings.Headers.AuthServId ?? message.ServerName;
        var headers = new List<KeyValuePair<string, string>>();
        if (keepsMessage && settings.Headers.AddReceivedSpf)
        {
            headers.Add(new(ReceivedSpfHeader.Name, ReceivedSpfHeader.Format(deciding, clientIp, origin.Helo ?? string.Empty, message.MailFrom, receiver)));
        }

        if (keepsMessage && settings.Headers.AddAuthenticationResults)
        {
            headers.Add(new(AuthenticationResultsHeader.Name, AuthenticationResultsHeader.Format(authServId, results, clientIp)));
        }

        reasons.Add(Describe(deciding));
        return new MessageDecision
        {
            Action = action,
            ConfiguredAction = configured,
            Reply = reply,
            Result = deciding,
            Results = results,
            Origin = origin,
            HeadersToAdd = headers,
            ForgedAuthServId = settings.Headers.RemoveForgedAuthenticationResults ? authServId : null,
            RecipientsToRemove = removals,
            QuarantinedRecipients = quarantined,
            Record = Record(message, origin, deciding, results, settings.Mode == AgentMode.LogOnly ? configured : action, reply, reasons, startTimestamp),
        };
    }

    private static MessageDecision StampNone(MessageContext message, AgentSettings settings, OriginDecision origin, long startTimestamp)
    {
        var none = new SpfCheckResult
        {
            Result = SpfResult.None,
            Identity = SpfIdentity.MailFrom,
            Sender = message.MailFrom,
            Problem = origin.Reason,
        };
        string clientIp = origin.Address?.ToString() ?? "unknown";
        string receiver = settings.Evaluation.ReceiverName ?? message.ServerName;
        var headers = new List<KeyValuePair<string, string>>();
        if (settings.Headers.AddReceivedSpf)
        {
            headers.Add(new(ReceivedSpfHeader.Name, ReceivedSpfHeader.Format(none, clientIp, origin.Helo ?? message.SessionHelo, message.MailFrom, receiver)));
        }

        string authServId = settings.Headers.AuthServId ?? message.ServerName;
        return new MessageDecision
        {
            Action = SpfAction.Stamp,
            ConfiguredAction = SpfAction.Stamp,
            Result = none,
            Origin = origin,
            HeadersToAdd = headers,
            ForgedAuthServId = settings.Headers.RemoveForgedAuthenticationResults ? authServId : null,
            Record = Record(message, origin, none, Array.Empty<SpfCheckResult>(), SpfAction.Stamp, null, new[] { origin.Reason }, startTimestamp),
        };
    }

    private static MessageDecision Accept(MessageContext message, OriginDecision? origin, string reason, long startTimestamp) =>
        new()
        {
            Action = SpfAction.Accept,
            ConfiguredAction = SpfAction.Accept,
            Origin = origin,
            Record = Record(message, origin, null, Array.Empty<SpfCheckResult>(), SpfAction.Accept, null, new[] { reason }, startTimestamp),
        };

    // As Exchange's Sender ID agent does, bypassed recipients keep the message. A reject or discard
    // then removes only the other recipients, and a quarantine takes only them. A defer cannot be
    // split by recipient at end of headers, so it is not applied at all, because removing recipients
    // would lose mail that the sender expects to retry.
    private static (SpfAction Action, IReadOnlyList<string> Removals, IReadOnlyList<string> Quarantined) SplitForBypassedRecipients(
        SpfAction configured,
        IReadOnlyList<string> others)
    {
        if (others.Count == 0)
        {
            return (SpfAction.Stamp, Array.Empty<string>(), Array.Empty<string>());
        }

        return configured switch
        {
            SpfAction.Reject or SpfAction.Discard => (SpfAction.Stamp, others, Array.Empty<string>()),
            SpfAction.Quarantine => (SpfAction.Quarantine, Array.Empty<string>(), others),
            _ => (SpfAction.Stamp, Array.Empty<string>(), Array.Empty<string>()),
        };
    }

    private static bool IsEnforcing(SpfAction action) =>
        action is SpfAction.Reject or SpfAction.Defer or SpfAction.Discard or SpfAction.Quarantine;

    private static string Describe(SpfCheckResult result)
    {
        string text = $"SPF {SpfResultNames.ToRfcName(result.Result)} for {(result.Identity == SpfIdentity.Helo ? "HELO" : "MAIL FROM")} {result.Sender}";
        return result.Problem is null ? text + "." : text + ": " + result.Problem;
    }

    private static string IdentityName(SpfCheckResult? result)
    {
        if (result is null)
        {
            return string.Empty;
        }

        return result.Identity == SpfIdentity.Helo ? "helo" : "mailfrom";
    }

    private static DecisionRecord Record(
        MessageContext message,
        OriginDecision? origin,
        SpfCheckResult? result,
        IReadOnlyList<SpfCheckResult> results,
        SpfAction action,
        SmtpReply? reply,
        IEnumerable<string> reasons,
        long startTimestamp) =>
        new()
        {
            SessionId = message.SessionId.ToString("X16", CultureInfo.InvariantCulture),
            MessageId = message.MessageId,
            ConnectorEndPoint = message.LocalEndPoint?.ToString() ?? string.Empty,
            PeerIp = message.PeerAddress?.ToString() ?? string.Empty,
            OriginIp = origin?.Address?.ToString() ?? string.Empty,
            OriginSource = origin is null || origin.Source == OriginDecisionSource.None ? string.Empty : origin.Source.ToString(),
            Helo = origin?.Helo ?? message.SessionHelo,
            MailFrom = message.MailFrom.Length == 0 ? "<>" : message.MailFrom,
            Identity = IdentityName(result),
            Result = result is null ? string.Empty : SpfResultNames.ToRfcName(result.Result),
            Mechanism = result?.Mechanism ?? (result is null ? string.Empty : "default"),
            Action = action.ToString(),
            SmtpResponse = reply?.ToString() ?? (action == SpfAction.Discard ? DiscardReplyText : string.Empty),
            ElapsedMilliseconds = (Stopwatch.GetTimestamp() - startTimestamp) * 1000 / Stopwatch.Frequency,
            DnsQueries = results.Sum(r => r.DnsQueryCount),
            CacheHits = results.Sum(r => r.CacheHitCount),
            Reason = string.Join(" ", reasons.Where(r => !string.IsNullOrEmpty(r))),
        };
}
