namespace ExchangeSpfAgent.Origin;

/// <summary>
/// A place to look for the originating IP when the SMTP peer is a trusted relay.
/// </summary>
public enum OriginSource
{
    /// <summary>The filtering appliance's origin header, <c>X-Origin-IP</c> unless configured otherwise.</summary>
    Header,

    /// <summary>The first untrusted hop in the <c>Received</c> headers.</summary>
    ReceivedChain,

    /// <summary>
    /// Exchange's <c>SmtpSession.LastExternalIPAddress</c>, which Exchange sets when the relays are
    /// listed in <c>InternalSMTPServers</c>.
    /// </summary>
    ExchangeLastExternal,
}
