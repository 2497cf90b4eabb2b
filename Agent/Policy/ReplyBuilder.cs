using System;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// Builds the SMTP reply for a reject or defer, with RFC 7372's enhanced status codes.
/// </summary>
public static class ReplyBuilder
{
    // RFC 7372 §3.2: X.7.23 "SPF validation failed", X.7.24 "SPF validation error" (temperror or permerror).
    private const string ValidationFailedDetail = "7.23";
    private const string ValidationErrorDetail = "7.24";

    // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its code and CRLF, so the text
    // is kept well inside that whatever the configuration sets.
    private const int MaxReplyTextLength = 400;

    /// <summary>Returns the reply for <paramref name="action"/> (Reject or Defer) on <paramref name="result"/>.</summary>
    public static SmtpReply For(SpfAction action, SpfCheckResult result, string clientIp, ResponseSettings settings)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        bool isError = result.Result is SpfResult.TempError or SpfResult.PermError;
        string detail = isError ? ValidationErrorDetail : ValidationFailedDetail;

        // A temperror is transient by nature (RFC 7208 §2.6.6), so even Reject answers it with 4xx.
        bool transient = action == SpfAction.Defer || result.Result == SpfResult.TempError;
        string code = transient ? "451" : "550";
        string enhanced = (transient ? "4." : "5.") + detail;

        string template = result.Result switch
        {
            SpfResult.PermError => settings.PermErrorText,
            SpfResult.TempError => settings.TempErrorText,
            _ => settings.FailText,
        };
        string text = result.Result == SpfResult.Fail && settings.UseExplanation && !string.IsNullOrWhiteSpace(result.Explanation)
            ? result.Explanation!
            : Fill(template, result, clientIp);
        int limit = settings.MaxTextLength is > 0 and <= MaxReplyTextLength ? settings.MaxTextLength : MaxReplyTextLength;
        string safe = ReplyText.Sanitize(text, limit);
        return new SmtpReply(code, enhanced, safe.Length == 0 ? "SPF check failed" : safe);
    }

    private static string Fill(string template, SpfCheckResult result, string clientIp) =>
        (template ?? string.Empty)
            .Replace("{sender}", result.Sender)
            .Replace("{domain}", result.Domain)
            .Replace("{ip}", clientIp)
            .Replace("{identity}", result.Identity == SpfIdentity.Helo ? "helo" : "mailfrom")
            .Replace("{result}", SpfResultNames.ToRfcName(result.Result));
}
