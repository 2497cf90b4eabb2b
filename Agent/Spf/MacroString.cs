using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A parsed macro-string (RFC 7208 §7.1) that expands against the values of one evaluation.
/// </summary>
internal sealed class MacroString
{
    /// <summary>The macro letters allowed in domain-specs.</summary>
    // RFC 7208 §7.3: the letters c, r and t are allowed only in explanation text.
    public const string DomainLetters = "slodipvh";

    /// <summary>All macro letters of the grammar, allowed in explanation text.</summary>
    public const string AllLetters = "slodipvhcrt";

    private readonly string? _constantExpansion;

    internal MacroString(string text, IReadOnlyList<MacroToken> tokens)
    {
        Text = text;
        Tokens = tokens;
        bool hasMacro = false;
        foreach (MacroToken token in tokens)
        {
            hasMacro |= token.Kind == MacroTokenKind.Macro;
            UsesValidatedDomain |= token.Kind == MacroTokenKind.Macro && token.Letter == 'p';
        }

        // Without macros the expansion never changes, so it is built once.
        _constantExpansion = hasMacro ? null : string.Concat(tokens.Select(token => token.Text));
    }

    /// <summary>The macro-string as written.</summary>
    public string Text { get; }

    public IReadOnlyList<MacroToken> Tokens { get; }

    /// <summary>The expansion of a macro-string without macros, which never changes; else null.</summary>
    public string? ConstantExpansion => _constantExpansion;

    /// <summary>True when expansion needs the validated domain name of the client (the "p" macro).</summary>
    public bool UsesValidatedDomain { get; }

    /// <summary>True when the string ends with a macro-expand, including the escapes "%%", "%_" and "%-".</summary>
    public bool EndsWithMacroExpand => Tokens.Count > 0 && Tokens[Tokens.Count - 1].Kind != MacroTokenKind.Literal;

    /// <summary>The literal text after the last macro-expand, or the whole text when it has none.</summary>
    public string TrailingLiteral =>
        Tokens.Count > 0 && Tokens[Tokens.Count - 1].Kind == MacroTokenKind.Literal
            ? Tokens[Tokens.Count - 1].Text
            : "";

    /// <summary>
    /// Parses a macro-string, allowing the given macro letters and, for explanation text, spaces.
    /// </summary>
    public static bool TryParse(
        string text,
        string allowedLetters,
        bool allowSpaces,
        [NotNullWhen(true)] out MacroString? result,
        out string error) =>
        MacroStringParser.TryParse(text, allowedLetters, allowSpaces, out result, out error);

    /// <summary>Expands the string (RFC 7208 §7.3).</summary>
    public string Expand(MacroValues values, string currentDomain, string? validatedDomain)
    {
        if (_constantExpansion is not null)
        {
            return _constantExpansion;
        }

        if (Tokens.Count == 1)
        {
            return Transform(values.Resolve(Tokens[0].Letter, currentDomain, validatedDomain), Tokens[0]);
        }

        var output = new StringBuilder();
        foreach (MacroToken token in Tokens)
        {
            if (token.Kind == MacroTokenKind.Macro)
            {
                string value = values.Resolve(token.Letter, currentDomain, validatedDomain);
                output.Append(Transform(value, token));
            }
            else
            {
                output.Append(token.Text);
            }
        }

        return output.ToString();
    }

    private static string Transform(string value, MacroToken token)
    {
        if (token.RightParts == 0 && !token.Reverse && token.Delimiters.Length == 0 && !token.UrlEscape)
        {
            return value;
        }

        // RFC 7208 §7.3: split on the delimiters (default "."), optionally reverse, keep the
        // right-most parts and join them with ".".
        char[] delimiters = token.Delimiters.Length == 0 ? new[] { '.' } : token.Delimiters.ToCharArray();
        List<string> parts = value.Split(delimiters).ToList();
        if (token.Reverse)
        {
            parts.Reverse();
        }

        if (token.RightParts > 0 && token.RightParts < parts.Count)
        {
            parts = parts.GetRange(parts.Count - token.RightParts, token.RightParts);
        }

        string joined = string.Join(".", parts);

        // RFC 7208 §7.3: an upper-case macro letter URL-escapes every character outside the unreserved set.
        return token.UrlEscape ? UrlEscape(joined) : joined;
    }

    private static string UrlEscape(string value)
    {
        var output = new StringBuilder();
        foreach (byte octet in Encoding.UTF8.GetBytes(value))
        {
            char character = (char)octet;
            if (IsUnreserved(character))
            {
                output.Append(character);
            }
            else
            {
                output.Append('%').Append(octet.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return output.ToString();
    }

    // RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static bool IsUnreserved(char character) =>
        (character >= 'A' && character <= 'Z')
        || (character >= 'a' && character <= 'z')
        || (character >= '0' && character <= '9')
        || character == '-'
        || character == '.'
        || character == '_'
        || character == '~';
}
