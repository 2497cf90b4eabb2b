using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// What the decision pipeline needs to know about one message at end of headers, independent of
/// Exchange, so that the agent and the admin tool's replay run the same code.
/// </summary>
public sealed class MessageContext
{
    /// <summary>The SMTP session id.</summary>
    public long SessionId { get; init; }

    /// <summary>The Message-ID header value, if any.</summary>
    public string MessageId { get; init; } = string.Empty;

    /// <summary>The local end point the SMTP client connected to (the receive connector's binding).</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>The SMTP peer's address.</summary>
    public IPAddress? PeerAddress { get; init; }

    /// <summary>The HELO or EHLO argument of the session.</summary>
    public string SessionHelo { get; init; } = string.Empty;

    /// <summary>True when the session authenticated as the organization.</summary>
    public bool IsOrganizationAuthenticated { get; init; }

    /// <summary>True when the session has the antispam bypass permission.</summary>
    public bool AntispamBypass { get; init; }

    /// <summary>Exchange's last external IP for the session, if set.</summary>
    public IPAddress? LastExternalAddress { get; init; }

    /// <summary>The envelope sender; empty for the null sender.</summary>
    public string MailFrom { get; init; } = string.Empty;

    /// <summary>The envelope recipients.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = Array.Empty<string>();

    /// <summary>The values of every copy of the origin header, in header order.</summary>
    public IReadOnlyList<string?> OriginHeaderValues { get; init; } = Array.Empty<string?>();

    /// <summary>The values of the Received headers, in header order (newest first).</summary>
    public IReadOnlyList<string?> ReceivedValues { get; init; } = Array.Empty<string?>();

    /// <summary>The receiving server's name, the default receiver and authserv-id.</summary>
    public string ServerName { get; init; } = "localhost";
}
