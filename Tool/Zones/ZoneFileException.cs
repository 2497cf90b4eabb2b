using System;
using System.Globalization;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>An RFC 1035 master file that cannot be read, with the file and line at fault.</summary>
public sealed class ZoneFileException : Exception
{
    public ZoneFileException(string filePath, int lineNumber, string problem)
        : base(FormatMessage(filePath, lineNumber, problem))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The zone file, as given on the command line.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, or 0 for a problem with the whole file.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, as a sentence.</summary>
    public string Problem { get; }

    private static string FormatMessage(string filePath, int lineNumber, string problem) =>
        lineNumber > 0
            ? $"Invalid zone file {filePath} on line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {problem}"
            : $"Invalid zone file {filePath}: {problem}";
}
