using System;
using System.Text;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// Recovers the octets of a TXT character-string from the two decoded forms that DnsClient 1.8 exposes.
/// </summary>
/// <remarks>
/// <para>
/// <c>TxtRecord.Text</c> decodes the octets as UTF-8, which loses invalid sequences. <c>TxtRecord.EscapedText</c>
/// writes octets below 32 or above 126 as <c>\DDD</c> and a quote as <c>\"</c>, but leaves a backslash as it is,
/// so a literal backslash followed by three digits reads like an escape. The two forms together are exact:
/// ASCII octets appear unchanged in the UTF-8 form, which distinguishes a literal backslash from an escape.
/// </para>
/// <para>
/// Each octet becomes one char in U+0000–U+00FF (ISO-8859-1), so octets outside ASCII reach the SPF engine
/// unchanged and it can reject them: RFC 7208 §3 requires SPF records in US-ASCII.
/// </para>
/// </remarks>
internal static class TxtCharacterString
{
    private const int DecimalEscapeLength = 3;
    private const char FirstNonAscii = '\u0080';

    /// <summary>
    /// Returns the octets of one character-string, one char per octet, from its UTF-8 form
    /// <paramref name="text"/> and its escaped form <paramref name="escaped"/>.
    /// </summary>
    /// <remarks>
    /// When the two forms do not describe the same octets (a DnsClient version that escapes differently), the
    /// UTF-8 form is returned as it is.
    /// </remarks>
    public static string ToOctets(string text, string escaped)
    {
        if (escaped.IndexOf('\\') < 0)
        {
            return escaped;
        }

        var octets = new StringBuilder(escaped.Length);
        int textIndex = 0;
        int escapedIndex = 0;
        while (escapedIndex < escaped.Length)
        {
            char current = escaped[escapedIndex];
            bool literalBackslash = textIndex < text.Length && text[textIndex] == '\\';
            if (current != '\\' || literalBackslash || escapedIndex + 1 >= escaped.Length)
            {
                octets.Append(current);
                escapedIndex++;
                textIndex++;
            }
            else if (escaped[escapedIndex + 1] == '"')
            {
                octets.Append('"');
                escapedIndex += 2;
                textIndex++;
            }
            else if (TryReadDecimalEscape(escaped, escapedIndex + 1, out char octet))
            {
                octets.Append(octet);
                escapedIndex += 1 + DecimalEscapeLength;
                textIndex = SkipDecodedOctet(text, textIndex, octet);
            }
            else
            {
                return text;
            }
        }

        string result = octets.ToString();
        return Matches(result, text) ? result : text;
    }

    /// <summary>
    /// Moves past the UTF-8 form of <paramref name="octet"/>: one char for an ASCII octet, and for an octet above
    /// 127 the whole run of non-ASCII chars, because a run of such octets decodes to non-ASCII chars only.
    /// </summary>
    private static int SkipDecodedOctet(string text, int textIndex, char octet)
    {
        if (octet < FirstNonAscii)
        {
            return textIndex + 1;
        }

        while (textIndex < text.Length && text[textIndex] >= FirstNonAscii)
        {
            textIndex++;
        }

        return textIndex;
    }

    private static bool TryReadDecimalEscape(string escaped, int start, out char octet)
    {
        octet = '\0';
        if (start + DecimalEscapeLength > escaped.Length)
        {
            return false;
        }

        int value = 0;
        for (int index = start; index < start + DecimalEscapeLength; index++)
        {
            char digit = escaped[index];
            if (digit < '0' || digit > '9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        if (value > byte.MaxValue)
        {
            return false;
        }

        octet = (char)value;
        return true;
    }

    private static bool Matches(string octets, string text)
    {
        var bytes = new byte[octets.Length];
        for (int index = 0; index < octets.Length; index++)
        {
            bytes[index] = (byte)octets[index];
        }

        return string.Equals(Encoding.UTF8.GetString(bytes), text, StringComparison.Ordinal);
    }
}
