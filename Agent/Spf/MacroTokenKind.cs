namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The kinds of piece in a macro-string (RFC 7208 §7.1).
/// </summary>
internal enum MacroTokenKind
{
    /// <summary>Literal text copied as it is.</summary>
    Literal,

    /// <summary>One of the escapes "%%", "%_" or "%-".</summary>
    Escape,

    /// <summary>A macro-expand of the form "%{" letter transformers delimiters "}".</summary>
    Macro,
}
