using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>The session facts that a saved message does not record, as the replay command line sets them.</summary>
internal sealed class ReplayOptions
{
    /// <summary>The SMTP peer of every message, or null to take each message's from its newest Received field.</summary>
    public IPAddress? Peer { get; init; }

    /// <summary>The session's HELO name, or null to take it from the same Received field as the peer.</summary>
    public string? SessionHelo { get; init; }

    /// <summary>The MAIL FROM address, or null to take it from Return-Path (else From).</summary>
    public string? MailFrom { get; init; }

    /// <summary>The envelope recipients, for the recipient bypass list.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = new string[0];

    /// <summary>The receiving server's name, or null to take the "by" host of the newest Received field.</summary>
    public string? ServerName { get; init; }

    /// <summary>The receive connector's local end point, for the configuration's connector bindings.</summary>
    public IPEndPoint? Connector { get; init; }

    /// <summary>How many of the newest Received fields to ignore: those that servers after the agent added.</summary>
    public int SkipReceived { get; init; }
}
