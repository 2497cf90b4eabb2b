namespace ExchangeSpfAgent.Spf;

/// <summary>
/// One piece of a parsed macro-string: literal text, an escape or a macro with its transformers.
/// </summary>
internal sealed class MacroToken
{
    private MacroToken(
        MacroTokenKind kind,
        string text,
        char letter,
        bool urlEscape,
        int rightParts,
        bool reverse,
        string delimiters)
    {
        Kind = kind;
        Text = text;
        Letter = letter;
        UrlEscape = urlEscape;
        RightParts = rightParts;
        Reverse = reverse;
        Delimiters = delimiters;
    }

    public MacroTokenKind Kind { get; }

    /// <summary>The literal text, or for an escape the text it stands for.</summary>
    public string Text { get; }

    /// <summary>The lower-case macro letter; only for <see cref="MacroTokenKind.Macro"/>.</summary>
    public char Letter { get; }

    /// <summary>True when the letter was written in upper case, so the value is URL-escaped (RFC 7208 §7.3).</summary>
    public bool UrlEscape { get; }

    /// <summary>The number of right-hand parts to keep, or 0 to keep all.</summary>
    public int RightParts { get; }

    /// <summary>True when the "r" transformer reverses the parts.</summary>
    public bool Reverse { get; }

    /// <summary>The characters that split the value into parts; empty means ".".</summary>
    public string Delimiters { get; }

    public static MacroToken Literal(string text) => new(MacroTokenKind.Literal, text, '\0', false, 0, false, "");

    public static MacroToken Escape(string replacement) =>
        new(MacroTokenKind.Escape, replacement, '\0', false, 0, false, "");

    public static MacroToken Macro(char letter, bool urlEscape, int rightParts, bool reverse, string delimiters) =>
        new(MacroTokenKind.Macro, "", letter, urlEscape, rightParts, reverse, delimiters);
}
