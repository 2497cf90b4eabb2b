using System.Text;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// Makes text safe for an SMTP reply: printable US-ASCII on one line, within a length limit.
/// </summary>
/// <remarks>
/// Exchange's SmtpResponse rejects non-ASCII text, and a line break from a DNS record would let
/// the record's owner write extra reply lines, so both are replaced.
/// </remarks>
public static class ReplyText
{
    /// <summary>Returns <paramref name="text"/> with every character outside printable ASCII replaced, runs of
    /// white space collapsed, and at most <paramref name="maxLength"/> characters.</summary>
    public static string Sanitize(string? text, int maxLength)
    {
        var builder = new StringBuilder();
        bool pendingSpace = false;
        foreach (char c in text ?? string.Empty)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c is >= '!' and <= '~' ? c : '?');
        }

        if (maxLength > 0 && builder.Length > maxLength)
        {
            builder.Length = maxLength;
        }

        return builder.ToString().TrimEnd();
    }
}
