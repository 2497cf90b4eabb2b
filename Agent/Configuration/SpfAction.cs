namespace ExchangeSpfAgent.Configuration;

/// <summary>What the agent does with a message for one identity and SPF result.</summary>
public enum SpfAction
{
    /// <summary>Accept the message without adding headers.</summary>
    Accept,

    /// <summary>Accept the message and add the SPF result headers.</summary>
    Stamp,

    /// <summary>Reject the message with a 5xx reply (RFC 7372 codes).</summary>
    Reject,

    /// <summary>Reject the message temporarily with a 4xx reply, so the sender retries.</summary>
    Defer,

    /// <summary>Reply 250 as if accepted and drop the message, so no bounce is sent to a forged sender.</summary>
    Discard,

    /// <summary>Accept the message and send it to Exchange's quarantine mailbox.</summary>
    Quarantine,
}
