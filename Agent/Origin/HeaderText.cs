using System.Text;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Lexical helpers shared by the header parsers (RFC 5322 §2.2.3 folding, §3.2.2 comments).
/// </summary>
internal static class HeaderText
{
    /// <summary>The longest excerpt of a header value that a failure reason quotes.</summary>
    public const int MaxExcerptLength = 60;

    /// <summary>
    /// Removes every line break that is followed by a space or tab, which undoes folding.
    /// </summary>
    /// <remarks>
    /// RFC 5322 §2.2.3: unfolding removes each CRLF that is immediately followed by WSP. A lone
    /// CR or LF before WSP is removed too, because header values are often stored with bare LF
    /// line ends. A line break that is not followed by WSP is left for the caller to reject.
    /// </remarks>
    public static string Unfold(string value)
    {
        if (value.IndexOf('\r') < 0 && value.IndexOf('\n') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        int index = 0;
        while (index < value.Length)
        {
            int breakLength = LineBreakLength(value, index);
            if (breakLength > 0 && index + breakLength < value.Length && IsWhitespace(value[index + breakLength]))
            {
                index += breakLength;
                continue;
            }

            builder.Append(value[index]);
            index++;
        }

        return builder.ToString();
    }

    /// <summary>Returns whether <paramref name="c"/> is WSP (space or horizontal tab).</summary>
    public static bool IsWhitespace(char c) => c == ' ' || c == '\t';

    /// <summary>Returns whether <paramref name="c"/> is a printable US-ASCII character or WSP.</summary>
    public static bool IsPrintableAscii(char c) => (c >= ' ' && c <= '~') || c == '\t';

    /// <summary>
    /// Moves <paramref name="position"/> past any whitespace and comments, and returns false when
    /// a comment is not closed before <paramref name="end"/>.
    /// </summary>
    public static bool TrySkipCommentsAndWhitespace(string text, ref int position, int end)
    {
        while (position < end)
        {
            if (IsWhitespace(text[position]))
            {
                position++;
            }
            else if (text[position] == '(')
            {
                if (!TrySkipComment(text, ref position, end))
                {
                    return false;
                }
            }
            else
            {
                break;
            }
        }

        return true;
    }

    /// <summary>
    /// Moves <paramref name="position"/> from an opening parenthesis to just after the matching
    /// closing one, honouring nested comments and backslash quoted-pairs (RFC 5322 §3.2.2).
    /// </summary>
    public static bool TrySkipComment(string text, ref int position, int end)
    {
        int depth = 0;
        int index = position;
        while (index < end)
        {
            char c = text[index];
            if (c == '\\')
            {
                index += 2;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    position = index + 1;
                    return true;
                }
            }

            index++;
        }

        return false;
    }

    /// <summary>
    /// Returns a short copy of <paramref name="text"/> that is safe to log: characters other than
    /// printable US-ASCII become '?', and text past <see cref="MaxExcerptLength"/> is cut.
    /// </summary>
    public static string Excerpt(string text)
    {
        int length = text.Length > MaxExcerptLength ? MaxExcerptLength : text.Length;
        var builder = new StringBuilder(length + 3);
        for (int index = 0; index < length; index++)
        {
            char c = text[index];
            builder.Append(c >= ' ' && c <= '~' ? c : '?');
        }

        if (text.Length > MaxExcerptLength)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    private static int LineBreakLength(string value, int index)
    {
        if (value[index] == '\r')
        {
            return index + 1 < value.Length && value[index + 1] == '\n' ? 2 : 1;
        }

        return value[index] == '\n' ? 1 : 0;
    }
}
