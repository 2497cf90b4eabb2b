using System;
using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>The header of a saved message (an .eml file or a header-only file).</summary>
internal sealed class SavedMessage
{
    public SavedMessage(string filePath, IReadOnlyList<HeaderField> fields)
    {
        FilePath = filePath;
        Fields = fields;
    }

    public string FilePath { get; }

    /// <summary>The header fields in file order, the newest trace fields first.</summary>
    public IReadOnlyList<HeaderField> Fields { get; }

    /// <summary>Returns the values of every field named <paramref name="name"/>, in header order.</summary>
    /// <remarks>Field names match without regard to case (RFC 5322 §1.2.2), as Exchange's header list matches them.</remarks>
    public IReadOnlyList<string?> Values(string name) =>
        Fields
            .Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(f => (string?)f.Value)
            .ToList();

    /// <summary>Returns the value of the first field named <paramref name="name"/>, or null.</summary>
    public string? First(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
