using System;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// One line of the decision log: what the agent saw, decided and did for one message.
/// </summary>
/// <remarks>
/// Values come from the SMTP peer and the message headers, so writers must quote and escape every field.
/// </remarks>
public sealed class DecisionRecord
{
    /// <summary>When the decision was made, in UTC.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Exchange's SMTP session id, as 16 hexadecimal digits like Exchange's protocol logs.</summary>
    public string SessionId { get; init; } = string.Empty;

    /// <summary>The Message-ID header value, if any.</summary>
    public string MessageId { get; init; } = string.Empty;

    /// <summary>The receive connector's local end point (IP:port).</summary>
    public string ConnectorEndPoint { get; init; } = string.Empty;

    /// <summary>The SMTP peer's IP.</summary>
    public string PeerIp { get; init; } = string.Empty;

    /// <summary>The originating IP checked, empty when none was found.</summary>
    public string OriginIp { get; init; } = string.Empty;

    /// <summary>Where the originating IP came from: Header, ReceivedChain, ExchangeLastExternal or Peer.</summary>
    public string OriginSource { get; init; } = string.Empty;

    /// <summary>The HELO name used for the HELO identity and the %{h} macro.</summary>
    public string Helo { get; init; } = string.Empty;

    /// <summary>The envelope sender, "&lt;&gt;" for the null sender.</summary>
    public string MailFrom { get; init; } = string.Empty;

    /// <summary>The identity whose result decided: helo or mailfrom.</summary>
    public string Identity { get; init; } = string.Empty;

    /// <summary>The SPF result in RFC 7208's lower-case names.</summary>
    public string Result { get; init; } = string.Empty;

    /// <summary>The deciding mechanism as written in the record, or "default".</summary>
    public string Mechanism { get; init; } = string.Empty;

    /// <summary>
    /// The action taken, after bypass lists; in log-only mode the action that would have been taken.
    /// </summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The SMTP reply sent for a reject, defer or discard.</summary>
    public string SmtpResponse { get; init; } = string.Empty;

    /// <summary>Milliseconds from the start of the check to the decision.</summary>
    public long ElapsedMilliseconds { get; init; }

    /// <summary>DNS queries sent for this message (cache misses).</summary>
    public int DnsQueries { get; init; }

    /// <summary>DNS answers served from the cache for this message.</summary>
    public int CacheHits { get; init; }

    /// <summary>Why the agent decided as it did, in one sentence.</summary>
    public string Reason { get; init; } = string.Empty;
}
