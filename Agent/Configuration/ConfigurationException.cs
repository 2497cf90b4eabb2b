using System;
using System.Globalization;
using System.Text;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// An invalid configuration file: the element, the line and the value at fault, and what is allowed there.
/// </summary>
/// <remarks>
/// The message is written for an administrator and is complete on its own, so it can go to the event log as it is.
/// </remarks>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the error for one element of the file.</summary>
    /// <param name="problem">What is wrong, as a sentence fragment such as "has an invalid value".</param>
    /// <param name="element">The element's path below the root, such as <c>Logging/RetentionDays</c>.</param>
    /// <param name="lineNumber">The 1-based line of the element, or 0 when unknown.</param>
    /// <param name="value">The offending text, or null when the problem is not a value.</param>
    /// <param name="allowed">What the element accepts, such as "a whole number from 1 to 3650".</param>
    /// <param name="filePath">The configuration file, or null for text not read from a file.</param>
    /// <param name="innerException">The parser's exception, if one caused this error.</param>
    public ConfigurationException(
        string problem,
        string? element,
        int lineNumber,
        string? value,
        string? allowed,
        string? filePath = null,
        Exception? innerException = null)
        : base(FormatMessage(problem, element, lineNumber, value, allowed, filePath), innerException)
    {
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
        Element = element;
        LineNumber = lineNumber;
        Value = value;
        Allowed = allowed;
        FilePath = filePath;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The element's path below the root element, or null for a problem with the whole file.</summary>
    public string? Element { get; }

    /// <summary>The 1-based line number of the element, or 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The rejected text, or null when the problem is not a value.</summary>
    public string? Value { get; }

    /// <summary>What the element accepts.</summary>
    public string? Allowed { get; }

    /// <summary>The configuration file, or null when the text was not read from a file.</summary>
    public string? FilePath { get; }

    /// <summary>Returns a copy that names <paramref name="path"/> as the file.</summary>
    internal ConfigurationException WithFile(string path) =>
        new(Problem, Element, LineNumber, Value, Allowed, path, InnerException);

    private static string FormatMessage(
        string problem,
        string? element,
        int lineNumber,
        string? value,
        string? allowed,
        string? filePath)
    {
        var builder = new StringBuilder("Invalid configuration");
        if (filePath is not null)
        {
            builder.Append(" in ").Append(filePath);
        }

        if (lineNumber > 0)
        {
            builder.Append(" on line ").Append(lineNumber.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(": ");
        builder.Append(element is null ? "the file" : "<" + element + ">");
        builder.Append(' ').Append(problem);
        if (value is not null)
        {
            builder.Append(" '").Append(Printable(value)).Append('\'');
        }

        builder.Append('.');
        if (allowed is not null)
        {
            builder.Append(" Allowed: ").Append(allowed).Append('.');
        }

        return builder.ToString();
    }

    // A value may hold line breaks or control characters that would garble a log line.
    private static string Printable(string value) => MessageText.Printable(value, 200);
}
