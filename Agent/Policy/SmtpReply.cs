namespace ExchangeSpfAgent.Policy;

/// <summary>
/// An SMTP reply the agent sends, before it becomes Exchange's SmtpResponse: a 3-digit code, an
/// enhanced status code of the same class (RFC 3463) and US-ASCII text on one line.
/// </summary>
public sealed record SmtpReply(string StatusCode, string EnhancedStatusCode, string Text)
{
    public override string ToString() => StatusCode + " " + EnhancedStatusCode + " " + Text;
}
