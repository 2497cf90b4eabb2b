namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>One header field of a saved message, its value kept folded as Exchange hands it to the agent.</summary>
internal sealed class HeaderField
{
    public HeaderField(string name, string value, int lineNumber)
    {
        Name = name;
        Value = value;
        LineNumber = lineNumber;
    }

    public string Name { get; }

    /// <summary>The text after the colon without its leading blanks; folded lines joined with CRLF.</summary>
    public string Value { get; }

    /// <summary>The line on which the field starts.</summary>
    public int LineNumber { get; }
}
