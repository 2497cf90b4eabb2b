using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// What <see cref="OriginSelector"/> needs to know about one message and its SMTP session.
/// </summary>
public sealed class OriginRequest
{
    /// <summary>Gets the address of the SMTP peer, or null when the session does not report it.</summary>
    public IPAddress? PeerAddress { get; init; }

    /// <summary>Gets the HELO or EHLO argument the peer sent.</summary>
    public string? SessionHelo { get; init; }

    /// <summary>Gets the values of every copy of the origin header, in header order.</summary>
    public IReadOnlyList<string?> OriginHeaderValues { get; init; } = Array.Empty<string?>();

    /// <summary>Gets the values of the <c>Received</c> headers, in header order (newest first).</summary>
    public IReadOnlyList<string?> ReceivedValues { get; init; } = Array.Empty<string?>();

    /// <summary>Gets Exchange's <c>SmtpSession.LastExternalIPAddress</c>, or null when unset.</summary>
    public IPAddress? LastExternalAddress { get; init; }
}
