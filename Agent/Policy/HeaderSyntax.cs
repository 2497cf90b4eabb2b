using System.Text;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// Quoting for RFC 5322 structured header values: dot-atoms, quoted strings and comments.
/// </summary>
/// <remarks>
/// Values come from DNS and from the SMTP peer, so anything outside printable US-ASCII is replaced
/// and no value can end the header or open a new one.
/// </remarks>
public static class HeaderSyntax
{
    /// <summary>Returns the value as a dot-atom when it is one, else as a quoted string (RFC 5322 §3.2.3, §3.2.4).</summary>
    public static string AtomOrQuoted(string? value)
    {
        string text = value ?? string.Empty;
        return IsDotAtom(text, 0, text.Length) ? text : Quoted(text);
    }

    /// <summary>Appends the value as a dot-atom when it is one, else as a quoted string.</summary>
    public static StringBuilder AppendAtomOrQuoted(StringBuilder builder, string? value)
    {
        string text = value ?? string.Empty;
        return IsDotAtom(text, 0, text.Length) ? builder.Append(text) : AppendQuoted(builder, text);
    }

    /// <summary>
    /// Returns an RFC 8601 §2.2 pvalue: "local-part@domain" as it is when both parts are dot-atoms,
    /// else the value as a dot-atom or quoted string.
    /// </summary>
    public static string Pvalue(string? value) => AppendPvalue(new StringBuilder(), value).ToString();

    /// <summary>Appends an RFC 8601 §2.2 pvalue, as <see cref="Pvalue"/> returns it.</summary>
    public static StringBuilder AppendPvalue(StringBuilder builder, string? value)
    {
        string text = value ?? string.Empty;
        int at = text.LastIndexOf('@');
        if (at >= 0 && (at == 0 || IsDotAtom(text, 0, at)) && IsDotAtom(text, at + 1, text.Length - at - 1))
        {
            return builder.Append(text);
        }

        return AppendAtomOrQuoted(builder, text);
    }

    /// <summary>Returns the value as a quoted string, escaping quotes and backslashes.</summary>
    public static string Quoted(string? value) => AppendQuoted(new StringBuilder(), value).ToString();

    /// <summary>Appends the value as a quoted string, escaping quotes and backslashes.</summary>
    public static StringBuilder AppendQuoted(StringBuilder builder, string? value) =>
        AppendEscaped(builder.Append('"'), value, '"', '"').Append('"');

    /// <summary>Returns a comment "(...)" with parentheses and backslashes escaped (RFC 5322 §3.2.2).</summary>
    public static string Comment(string? text) =>
        AppendCommentText(new StringBuilder("("), text).Append(')').ToString();

    /// <summary>
    /// Appends text for the inside of a comment, escaping parentheses and backslashes; the caller writes the
    /// parentheses around it.
    /// </summary>
    public static StringBuilder AppendCommentText(StringBuilder builder, string? text) =>
        AppendEscaped(builder, text, '(', ')');

    // Replaces characters outside printable US-ASCII and escapes backslashes and the two given characters.
    private static StringBuilder AppendEscaped(StringBuilder builder, string? text, char special1, char special2)
    {
        foreach (char c in text ?? string.Empty)
        {
            char safe = Printable(c);
            if (safe == '\\' || safe == special1 || safe == special2)
            {
                builder.Append('\\');
            }

            builder.Append(safe);
        }

        return builder;
    }

    // RFC 5322 §3.2.3: atext is ALPHA / DIGIT and these specials.
    private static bool IsAtext(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;

    private static bool IsDotAtom(string text, int start, int length)
    {
        int end = start + length;
        if (length == 0 || text[start] == '.' || text[end - 1] == '.')
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            if (text[i] == '.' ? text[i - 1] == '.' : !IsAtext(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char Printable(char c) => c is >= ' ' and <= '~' ? c : '?';
}
