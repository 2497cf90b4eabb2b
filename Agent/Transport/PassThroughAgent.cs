using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The agent used when the factory could not start: it subscribes no event, so Exchange passes
/// every message through unchecked.
/// </summary>
internal sealed class PassThroughAgent : SmtpReceiveAgent
{
}
