using System;
using System.Collections.Generic;
using System.Text;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// Formats and recognises Authentication-Results headers (RFC 8601) for the spf method.
/// </summary>
public static class AuthenticationResultsHeader
{
    public const string Name = "Authentication-Results";

    /// <summary>Returns "authserv-id; spf=result (comment) smtp.mailfrom=...; spf=result smtp.helo=...".</summary>
    public static string Format(string authServId, IEnumerable<SpfCheckResult> results, string clientIp)
    {
        StringBuilder builder = StringBuilderCache.Acquire();
        HeaderSyntax.AppendAtomOrQuoted(builder, authServId);
        bool any = false;
        foreach (SpfCheckResult result in results)
        {
            any = true;

            // RFC 8601 §2.7.2: the spf method reports smtp.mailfrom or smtp.helo.
            builder.Append("; spf=").Append(SpfResultNames.ToRfcName(result.Result)).Append(" (sender IP is ");
            HeaderSyntax.AppendCommentText(builder, clientIp).Append(") ");
            if (result.Identity == SpfIdentity.Helo)
            {
                HeaderSyntax.AppendPvalue(builder.Append("smtp.helo="), result.Domain);
            }
            else
            {
                HeaderSyntax.AppendPvalue(builder.Append("smtp.mailfrom="), result.Sender);
            }
        }

        return StringBuilderCache.ToStringAndRelease(any ? builder : builder.Append("; none"));
    }

    /// <summary>
    /// Whether a header value claims <paramref name="authServId"/>, so that it must be removed from an
    /// incoming message (RFC 8601 §5).
    /// </summary>
    public static bool Claims(string? value, string authServId)
    {
        string text = SkipComments(value ?? string.Empty).TrimStart();
        string id = text.StartsWith("\"", StringComparison.Ordinal) ? QuotedContent(text) : Token(text);
        return string.Equals(id, authServId, StringComparison.OrdinalIgnoreCase);
    }

    private static string Token(string text)
    {
        int end = text.IndexOfAny(new[] { ';', ' ', '\t', '\r', '\n', '(' });
        return end < 0 ? text : text.Substring(0, end);
    }

    // RFC 5322 §3.2.4: a quoted string's content with each quoted-pair decoded.
    private static string QuotedContent(string text)
    {
        var builder = new StringBuilder();
        for (int i = 1; i < text.Length && text[i] != '"'; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    // Drops leading CFWS comments, which may precede the authserv-id (RFC 8601 §2.2).
    private static string SkipComments(string value)
    {
        string text = value.TrimStart();
        while (text.StartsWith("(", StringComparison.Ordinal))
        {
            int depth = 0;
            int i = 0;
            for (; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == ')' && --depth == 0)
                {
                    break;
                }
            }

            text = i + 1 < text.Length ? text.Substring(i + 1).TrimStart() : string.Empty;
        }

        return text;
    }
}
