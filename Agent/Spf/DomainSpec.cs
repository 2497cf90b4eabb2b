using System.Diagnostics.CodeAnalysis;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A domain-spec: a macro-string that must end in a macro-expand or in "." toplabel (RFC 7208 §7.1).
/// </summary>
internal sealed class DomainSpec
{
    private DomainSpec(string text, MacroString macro)
    {
        Text = text;
        Macro = macro;
        if (macro.ConstantExpansion is not null)
        {
            IsConstant = true;
            ConstantTarget = DomainNames.TryNormalizeTargetName(macro.ConstantExpansion, out string name) ? name : null;
        }
    }

    /// <summary>The domain-spec as written.</summary>
    public string Text { get; }

    public MacroString Macro { get; }

    /// <summary>True when the domain-spec has no macros, so its target name is known without expansion.</summary>
    public bool IsConstant { get; }

    /// <summary>
    /// For a domain-spec without macros, the name to query, or null when it is not a valid name.
    /// </summary>
    public string? ConstantTarget { get; }

    /// <summary>Parses and checks a domain-spec; only the letters allowed outside explanations may occur.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DomainSpec? result, out string error)
    {
        result = null;
        if (text.Length == 0)
        {
            error = "The domain-spec is empty.";
            return false;
        }

        bool parsed = MacroString.TryParse(
            text, MacroString.DomainLetters, allowSpaces: false, out MacroString? macro, out error);
        if (!parsed)
        {
            error = $"The domain-spec '{text}' is invalid: {error}";
            return false;
        }

        // RFC 7208 §7.1: domain-end = ( "." toplabel [ "." ] ) / macro-expand.
        if (!macro!.EndsWithMacroExpand && !EndsWithTopLabel(macro.TrailingLiteral))
        {
            error = $"The domain-spec '{text}' must end in a macro or in a dot and a valid top-level label.";
            return false;
        }

        result = new DomainSpec(text, macro);
        error = "";
        return true;
    }

    private static bool EndsWithTopLabel(string literal)
    {
        string trimmed = DomainNames.TrimTrailingDot(literal);
        int dot = trimmed.LastIndexOf('.');
        return dot >= 0 && DomainNames.IsTopLabel(trimmed.Substring(dot + 1));
    }
}
