using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// Builds the <see cref="MessageContext"/> of a saved message the way the agent's Exchange adapter builds it at end
/// of headers: the origin header's values and the Received values in header order, and the trimmed Message-ID.
/// </summary>
/// <remarks>
/// A saved message does not record its SMTP session, so the session facts come from the command line or, by
/// default, from the newest Received field, which the receiving server wrote: its sending IP is the SMTP peer,
/// its HELO the session's HELO and its "by" host the server name. MAIL FROM comes from Return-Path, which the
/// delivering server writes from the envelope, else from the From field.
/// </remarks>
internal static class ReplayContextBuilder
{
    private const string ReceivedName = "Received";
    private const string MessageIdName = "Message-ID";
    private const string DefaultServerName = "localhost";

    public static ReplayMessage Build(SavedMessage saved, AgentSettings settings, ReplayOptions options, long sessionId)
    {
        IReadOnlyList<string?> received = saved.Values(ReceivedName).Skip(options.SkipReceived).ToList();
        ReceivedHop? newest = received.Count == 0 ? null : ReceivedHeaderParser.Parse(received[0]);
        ReceivedHop? peerHop = newest is { IsNetworkHandover: true } ? newest : null;

        IPAddress? peer = options.Peer ?? peerHop?.SendingAddress;
        string peerSource = "none";
        if (options.Peer is not null)
        {
            peerSource = "option";
        }
        else if (peer is not null)
        {
            peerSource = ReceivedName;
        }

        (string mailFrom, string mailFromSource) = MailFrom(saved, options);

        var context = new MessageContext
        {
            SessionId = sessionId,
            MessageId = saved.First(MessageIdName)?.Trim() ?? string.Empty,
            LocalEndPoint = options.Connector,
            PeerAddress = peer,
            SessionHelo = options.SessionHelo ?? (options.Peer is null ? peerHop?.Helo : null) ?? string.Empty,
            MailFrom = mailFrom,
            Recipients = options.Recipients,
            OriginHeaderValues = saved.Values(settings.Origin.HeaderName),
            ReceivedValues = received,
            ServerName = options.ServerName ?? newest?.ReceivingHost ?? DefaultServerName,
        };

        return new ReplayMessage(saved, context, peerSource, mailFromSource, ArrivalTime(saved, received));
    }

    private static (string Address, string Source) MailFrom(SavedMessage saved, ReplayOptions options)
    {
        if (options.MailFrom is not null)
        {
            return (Unbracket(options.MailFrom), "option");
        }

        string? returnPath = saved.First("Return-Path");
        if (returnPath is not null)
        {
            return (Unbracket(returnPath), "Return-Path");
        }

        string? from = saved.First("From");
        return from is null ? (string.Empty, "none") : (Unbracket(from), "From");
    }

    // Takes the address from "<addr>" or "Name <addr>"; "<>" is the null sender.
    private static string Unbracket(string value)
    {
        string text = value.Replace("\r\n", string.Empty).Trim();
        int open = text.LastIndexOf('<');
        int close = text.LastIndexOf('>');
        if (open >= 0 && close > open)
        {
            return text.Substring(open + 1, close - open - 1).Trim();
        }

        return text;
    }

    private static DateTimeOffset? ArrivalTime(SavedMessage saved, IReadOnlyList<string?> received)
    {
        string? newest = received.FirstOrDefault();
        int semicolon = newest?.LastIndexOf(';') ?? -1;
        if (semicolon >= 0 && MailDate.TryParse(newest!.Substring(semicolon + 1), out DateTimeOffset arrived))
        {
            return arrived;
        }

        return MailDate.TryParse(saved.First("Date"), out DateTimeOffset sent) ? sent : null;
    }
}
