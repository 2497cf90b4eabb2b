using System.Collections.Generic;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>One logical line of a master file: a directive or a resource record, parentheses already joined.</summary>
internal sealed class ZoneEntry
{
    public ZoneEntry(int lineNumber, bool startsWithBlank, IReadOnlyList<ZoneToken> tokens)
    {
        LineNumber = lineNumber;
        StartsWithBlank = startsWithBlank;
        Tokens = tokens;
    }

    /// <summary>The line on which the entry starts.</summary>
    public int LineNumber { get; }

    /// <summary>
    /// True when the line starts with a space or tab, so the owner name is omitted and the previous one applies
    /// (RFC 1035 §5.1).
    /// </summary>
    public bool StartsWithBlank { get; }

    public IReadOnlyList<ZoneToken> Tokens { get; }
}
