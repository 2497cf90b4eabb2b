using System;
using Microsoft.Exchange.Data.Mime;
using Microsoft.Exchange.Data.Transport.Smtp;
using NLog;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The SMTP receive agent of one session. It handles OnEndOfHeaders only and never opens the body.
/// </summary>
public sealed class SpfAgent : SmtpReceiveAgent
{
    private readonly Logger _logger;

    internal SpfAgent(Logger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        OnEndOfHeaders += HandleEndOfHeaders;
    }

    private void HandleEndOfHeaders(ReceiveMessageEventSource source, EndOfHeadersEventArgs e)
    {
        // Exchange catches almost nothing from an agent: an exception escaping here can stop transport.
#pragma warning disable CA1031
        try
        {
            string? messageId = e.Headers.FindFirst(HeaderId.MessageId)?.Value;
            _logger.Info(
                "Message {MessageId} accepted without an SPF check in session {SessionId}.",
                messageId,
                e.SmtpSession.SessionId);
        }
        catch (Exception exception)
        {
            _logger.Error(exception, "Unexpected error at end of headers; the message is accepted.");
        }
#pragma warning restore CA1031
    }
}
