using System;
using System.Globalization;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>A saved message whose header cannot be read, with the file and line at fault.</summary>
public sealed class MessageFormatException : Exception
{
    public MessageFormatException(string filePath, int lineNumber, string problem)
        : base(lineNumber > 0
            ? $"{filePath}, line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {problem}"
            : $"{filePath}: {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, or 0 for a problem with the whole file.</summary>
    public int LineNumber { get; }
}
