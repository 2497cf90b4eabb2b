using System;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>A saved message as the replay presents it to the decision pipeline, with where each fact came from.</summary>
internal sealed class ReplayMessage
{
    public ReplayMessage(
        SavedMessage saved, MessageContext context, string peerSource, string mailFromSource, DateTimeOffset? received)
    {
        Saved = saved;
        Context = context;
        PeerSource = peerSource;
        MailFromSource = mailFromSource;
        Received = received;
    }

    public SavedMessage Saved { get; }

    /// <summary>What the pipeline sees, built as the agent's Exchange adapter builds it.</summary>
    public MessageContext Context { get; }

    /// <summary>Where the SMTP peer came from: <c>option</c>, <c>Received</c> or <c>none</c>.</summary>
    public string PeerSource { get; }

    /// <summary>Where MAIL FROM came from: <c>option</c>, <c>Return-Path</c>, <c>From</c> or <c>none</c>.</summary>
    public string MailFromSource { get; }

    /// <summary>When the message arrived: the date of its newest Received field, else its Date field.</summary>
    public DateTimeOffset? Received { get; }
}
