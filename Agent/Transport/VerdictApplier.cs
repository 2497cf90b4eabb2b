using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;
using Microsoft.Exchange.Data.Mime;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// Applies a decision to the message through Exchange's API: headers, recipient removal, mail
/// item properties, and reject, discard or quarantine with a message-tracking context.
/// </summary>
internal static class VerdictApplier
{
    /// <summary>The mail item property that contains the SPF result for later agents.</summary>
    public const string ResultProperty = "ExchangeSpfAgent.SpfResult";

    /// <summary>The mail item property that contains the originating IP that was checked.</summary>
    public const string OriginProperty = "ExchangeSpfAgent.OriginIp";

    private const int MaxTrackingContextLength = 200;

    public static void Apply(MessageDecision decision, ReceiveMessageEventSource source, EndOfHeadersEventArgs e)
    {
        HeaderList headers = e.Headers;
        if (decision.ForgedAuthServId != null)
        {
            foreach (Header forged in headers.FindAll(AuthenticationResultsHeader.Name)
                .Where(h => AuthenticationResultsHeader.Claims(h.Value, decision.ForgedAuthServId)))
            {
                headers.RemoveChild(forged);
            }
        }

        // Prepending in reverse keeps the decision's order, above the existing trace headers.
        foreach (KeyValuePair<string, string> header in decision.HeadersToAdd.Reverse())
        {
            headers.PrependChild(new TextHeader(header.Key, header.Value));
        }

        MailItem mailItem = e.MailItem;
        if (decision.Result != null)
        {
            mailItem.Properties[ResultProperty] = SpfResultNames.ToRfcName(decision.Result.Result);
            mailItem.Properties[OriginProperty] = decision.Record.OriginIp;
        }

        RemoveRecipients(mailItem, decision.RecipientsToRemove);
        string tracking = TrackingContext(decision);
        switch (decision.Action)
        {
            case SpfAction.Reject:
            case SpfAction.Defer:
                SmtpReply reply = decision.Reply!;
                source.RejectMessage(new SmtpResponse(reply.StatusCode, reply.EnhancedStatusCode, reply.Text), tracking);
                break;
            case SpfAction.Discard:
                // A 250 reply, so the forged sender gets no bounce; Exchange allows only 2xx here.
                string id = ReplyText.Sanitize(decision.Record.MessageId, MaxTrackingContextLength);
                source.DiscardMessage(new SmtpResponse("250", "2.6.0", (id + " Queued mail for delivery").Trim()), tracking);
                break;
            case SpfAction.Quarantine:
                source.Quarantine(FindRecipients(mailItem, decision.QuarantinedRecipients), tracking);
                break;
            default:
                break;
        }
    }

    private static void RemoveRecipients(MailItem mailItem, IReadOnlyList<string> addresses)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        // Collected first: removing inside a foreach over the live collection invalidates the enumerator.
        foreach (EnvelopeRecipient recipient in FindRecipients(mailItem, addresses))
        {
            mailItem.Recipients.Remove(recipient);
        }
    }

    private static List<EnvelopeRecipient> FindRecipients(MailItem mailItem, IReadOnlyList<string> addresses)
    {
        var found = new List<EnvelopeRecipient>();
        foreach (EnvelopeRecipient recipient in mailItem.Recipients)
        {
            if (addresses.Contains(recipient.Address.ToString(), System.StringComparer.OrdinalIgnoreCase))
            {
                found.Add(recipient);
            }
        }

        return found;
    }

    // Message tracking shows this text beside the action (Get-MessageTrackingLog).
    private static string TrackingContext(MessageDecision decision) =>
        ReplyText.Sanitize(
            $"SPF {decision.Record.Result} identity={decision.Record.Identity} origin={decision.Record.OriginIp} source={decision.Record.OriginSource}",
            MaxTrackingContextLength);
}
