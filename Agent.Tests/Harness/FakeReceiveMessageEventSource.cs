using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// Records what the agent did to the message and enforces Exchange's rules on each call.
/// </summary>
public sealed class FakeReceiveMessageEventSource : ReceiveMessageEventSource
{
    private readonly TransportRuleViolations _violations;
    private readonly EventAccessGuard _guard;

    public FakeReceiveMessageEventSource(TransportRuleViolations violations, EventAccessGuard guard)
    {
        _violations = violations;
        _guard = guard;
    }

    public List<MessageAction> Actions { get; } = new();

    public override void RejectMessage(SmtpResponse response) => Reject(response, null);

    public override void RejectMessage(SmtpResponse response, string trackingContext) => Reject(response, trackingContext);

    public override void DiscardMessage(SmtpResponse response, string trackingContext)
    {
        _guard.Check();
        if (response.SmtpResponseType != SmtpResponseType.Success)
        {
            // Exchange throws InvalidOperationException for a discard with anything but a 2xx reply.
            throw _violations.Record($"DiscardMessage was called with a non-2xx response '{response}'");
        }

        Record(new MessageAction(MessageActionKind.Discard, response, trackingContext, Array.Empty<string>()));
    }

    public override void Quarantine(IEnumerable<EnvelopeRecipient> recipients, string quarantineReason)
    {
        _guard.Check();
        string[] addresses = (recipients ?? throw _violations.Record("Quarantine was called without recipients"))
            .Select(r => r.Address.ToString())
            .ToArray();
        Record(new MessageAction(MessageActionKind.Quarantine, SmtpResponse.Empty, quarantineReason, addresses));
    }

    private void Reject(SmtpResponse response, string? trackingContext)
    {
        _guard.Check();
        if (response.IsEmpty)
        {
            // Exchange throws ArgumentException for RejectMessage(SmtpResponse.Empty).
            throw _violations.Record("RejectMessage was called with an empty response");
        }

        Record(new MessageAction(MessageActionKind.Reject, response, trackingContext, Array.Empty<string>()));
    }

    private void Record(MessageAction action)
    {
        if (Actions.Count > 0)
        {
            throw _violations.Record($"a second verdict ({action.Kind}) followed {Actions[0].Kind}");
        }

        Actions.Add(action);
    }
}
