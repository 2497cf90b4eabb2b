using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Policy;
using Microsoft.Exchange.Data.Mime;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// Copies what the pipeline needs out of Exchange's event arguments, on the event's own thread,
/// so the asynchronous check never touches them. Only parsed headers are read, never the body.
/// </summary>
internal static class ExchangeMessage
{
    public static MessageContext Read(EndOfHeadersEventArgs e, AgentSettings settings, string serverName)
    {
        SmtpSession session = e.SmtpSession;
        HeaderList headers = e.Headers;
        MailItem mailItem = e.MailItem;
        RoutingAddress from = mailItem.FromAddress;
        bool nullSender = from == RoutingAddress.NullReversePath || from == RoutingAddress.Empty || from.ToString() == "<>";

        var recipients = new List<string>();
        foreach (EnvelopeRecipient recipient in mailItem.Recipients)
        {
            recipients.Add(recipient.Address.ToString());
        }

        return new MessageContext
        {
            SessionId = session.SessionId,
            MessageId = headers.FindFirst(HeaderId.MessageId)?.Value?.Trim() ?? string.Empty,
            LocalEndPoint = session.LocalEndPoint,
            PeerAddress = session.RemoteEndPoint?.Address,
            SessionHelo = session.HelloDomain ?? string.Empty,
            IsOrganizationAuthenticated = session.AuthenticationSource == AuthenticationSource.Organization,
            AntispamBypass = session.AntispamBypass,
            LastExternalAddress = session.LastExternalIPAddress,
            MailFrom = nullSender ? string.Empty : from.ToString(),
            Recipients = recipients,
            OriginHeaderValues = Values(headers, settings.Origin.HeaderName),
            ReceivedValues = Values(headers, "Received"),
            ServerName = serverName,
        };
    }

    private static IReadOnlyList<string?> Values(HeaderList headers, string name) =>
        headers.FindAll(name).Select(h => (string?)h.Value).ToArray();
}
