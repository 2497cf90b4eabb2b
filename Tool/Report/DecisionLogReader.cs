using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ExchangeSpfAgent.Logging;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>
/// Reads the agent's decision logs: <c>#</c> header lines, with <c>#Fields:</c> naming the columns, then one CSV line
/// per decision (see <see cref="DecisionLogFormat"/>).
/// </summary>
/// <remarks>
/// Columns are found by name, so a log with more or reordered columns still reads. A line that cannot be read is
/// reported with its file and line and skipped, so one damaged line (a crash mid-write) does not lose the rest.
/// </remarks>
internal sealed class DecisionLogReader
{
    /// <summary>The file name pattern of the agent's decision logs, current and archived.</summary>
    public const string FilePattern = LogFilePrefix + "*.log";

    private const string LogFilePrefix = "Decision_";
    private const string FieldsPrefix = "#Fields:";

    private static readonly string[] s_requiredFields =
    {
        "date-time", "helo", "mail-from", "origin-ip", "origin-source", "result", "action", "reason",
    };

    private readonly TextWriter _warnings;

    public DecisionLogReader(TextWriter warnings)
    {
        _warnings = warnings;
    }

    /// <summary>How many lines were skipped because they could not be read.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Returns each file argument, and the decision logs of each folder, in ordinal name order.</summary>
    /// <exception cref="FileNotFoundException">An argument names neither a file nor a folder.</exception>
    public static List<string> ExpandFiles(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (string argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else if (Directory.Exists(argument))
            {
                files.AddRange(Directory.GetFiles(argument, FilePattern).OrderBy(path => path, StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"The decision log file or folder {argument} does not exist.", argument);
            }
        }

        return files;
    }

    /// <summary>Reads every decision of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public IEnumerable<DecisionLogEntry> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        Dictionary<string, int>? columns = null;
        int lineNumber = 0;
        bool missingFieldsReported = false;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.StartsWith(FieldsPrefix, StringComparison.Ordinal))
            {
                columns = ReadColumns(path, lineNumber, line.Substring(FieldsPrefix.Length));
                continue;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (columns is null)
            {
                if (!missingFieldsReported)
                {
                    Skip(path, lineNumber, "a decision line comes before the #Fields: line, so its columns are unknown.");
                    missingFieldsReported = true;
                }
                else
                {
                    SkippedLines++;
                }

                continue;
            }

            DecisionLogEntry? entry = ReadEntry(path, lineNumber, line, columns);
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    private Dictionary<string, int>? ReadColumns(string path, int lineNumber, string text)
    {
        string[] names = text.Split(',').Select(name => name.Trim()).ToArray();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int index = 0; index < names.Length; index++)
        {
            columns[names[index]] = index;
        }

        string[] missing = s_requiredFields.Where(field => !columns.ContainsKey(field)).ToArray();
        if (missing.Length > 0)
        {
            Skip(
                path,
                lineNumber,
                "the #Fields: line lacks " + string.Join(", ", missing) + ", so the lines below it are skipped.");
            return null;
        }

        return columns;
    }

    private DecisionLogEntry? ReadEntry(string path, int lineNumber, string line, Dictionary<string, int> columns)
    {
        try
        {
            List<string> fields = CsvLine.Split(line);
            if (fields.Count < columns.Count)
            {
                throw new FormatException($"the line has {fields.Count} fields, the #Fields: line names {columns.Count}.");
            }

            string Field(string name) => DecisionLogFormat.Unescape(fields[columns[name]]);
            string time = Field("date-time");
            if (!DateTimeOffset.TryParse(
                time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                throw new FormatException($"the date-time '{time}' is not an ISO 8601 time.");
            }

            return new DecisionLogEntry
            {
                Time = parsed.ToUniversalTime(),
                Helo = Field("helo"),
                MailFrom = Field("mail-from"),
                OriginIp = Field("origin-ip"),
                OriginSource = Field("origin-source"),
                Result = Field("result"),
                Action = Field("action"),
                Reason = Field("reason"),
            };
        }
        catch (FormatException exception)
        {
            Skip(path, lineNumber, exception.Message);
            return null;
        }
    }

    private void Skip(string path, int lineNumber, string problem)
    {
        SkippedLines++;
        _warnings.WriteLine($"spfagent: {path}, line {lineNumber.ToString(CultureInfo.InvariantCulture)}: skipped: {problem}");
    }
}
