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
        return IsDotAtom(text) ? text : Quoted(text);
    }

    /// <summary>
    /// Returns an RFC 8601 §2.2 pvalue: "local-part@domain" as it is when both parts are dot-atoms,
    /// else the value as a dot-atom or quoted string.
    /// </summary>
    public static string Pvalue(string? value)
    {
        string text = value ?? string.Empty;
        int at = text.LastIndexOf('@');
        if (at >= 0 && (at == 0 || IsDotAtom(text.Substring(0, at))) && IsDotAtom(text.Substring(at + 1)))
        {
            return text;
        }

        return AtomOrQuoted(text);
    }

    /// <summary>Returns the value as a quoted string, escaping quotes and backslashes.</summary>
    public static string Quoted(string? value)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in value ?? string.Empty)
        {
            char safe = Printable(c);
            if (safe is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(safe);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Returns a comment "(...)" with parentheses and backslashes escaped (RFC 5322 §3.2.2).</summary>
    public static string Comment(string? text)
    {
        var builder = new StringBuilder("(");
        foreach (char c in text ?? string.Empty)
        {
            char safe = Printable(c);
            if (safe is '(' or ')' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(safe);
        }

        return builder.Append(')').ToString();
    }

    // RFC 5322 §3.2.3: atext is ALPHA / DIGIT and these specials.
    private static bool IsAtext(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;

    private static bool IsDotAtom(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[text.Length - 1] == '.')
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
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
