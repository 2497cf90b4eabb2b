using System;
using System.IO;
using System.Linq;
using System.Text;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using Xunit;

namespace ExchangeSpfAgent.Tests.Logging;

public sealed class AgentLoggingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spf-logs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void DecisionFileStartsWithHeader()
    {
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("first"));
        }

        string[] lines = ReadLines(DecisionFile());

        Assert.Equal("#Software: ExchangeSpfAgent", lines[0]);
        Assert.StartsWith("#Version: ", lines[1], StringComparison.Ordinal);
        Assert.Equal("#Log-type: SPF Decision Log", lines[2]);
        Assert.StartsWith("#Date: ", lines[3], StringComparison.Ordinal);
        Assert.Equal("#Fields: " + string.Join(",", DecisionLogFormat.Fields), lines[4]);
        Assert.Equal("first", CsvReader.ParseLine(lines[5]).Last());
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void DecisionFileIsUtf8WithBom()
    {
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("Grüße"));
        }

        byte[] bytes = File.ReadAllBytes(DecisionFile());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        Assert.Contains("\"Grüße\"\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DecisionLogFormatTests.HostileValues), MemberType = typeof(DecisionLogFormatTests))]
    public void HostileDecisionStaysOneLine(string value)
    {
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord(value));
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("after"));
        }

        string[] records = ReadLines(DecisionFile()).Where(line => !line.StartsWith("#", StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, records.Length);
        Assert.Equal(value, DecisionLogFormat.Unescape(CsvReader.ParseLine(records[0]).Last()));
        Assert.Equal("after", CsvReader.ParseLine(records[1]).Last());
    }

    [Fact]
    public void DecisionLogCanBeTurnedOff()
    {
        using (AgentLogging logging = Create(new LoggingSettings { DecisionLog = false }))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("hidden"));
            logging.Diagnostics.Info("diagnostic line");
        }

        Assert.Empty(Directory.GetFiles(_directory, LogTargetsBuilder.DecisionFilePrefix + "*"));
        Assert.DoesNotContain("hidden", File.ReadAllText(DiagnosticFile()), StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionsStayOutOfDiagnosticLog()
    {
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("decision only"));
            logging.Diagnostics.Info("diagnostic line");
        }

        Assert.DoesNotContain("decision only", File.ReadAllText(DiagnosticFile()), StringComparison.Ordinal);
    }

    [Fact]
    public void LevelFiltersDiagnostics()
    {
        using (AgentLogging logging = Create(new LoggingSettings { Level = "Warn" }))
        {
            logging.Diagnostics.Info("info line");
            logging.Diagnostics.Warn("warn line");
        }

        string text = File.ReadAllText(DiagnosticFile());
        Assert.DoesNotContain("info line", text, StringComparison.Ordinal);
        Assert.Contains("WARN  [", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsKeepStackTrace()
    {
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.LogUnexpected(Thrown(), "Unexpected error at end of headers.");
        }

        string text = File.ReadAllText(DiagnosticFile());
        Assert.Contains("System.InvalidOperationException: boom", text, StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), text, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeFolderIsBelowBase()
    {
        using AgentLogging logging = new(new LoggingSettings { Folder = "sub" }, _directory, NoEventLog());

        Assert.Equal(Path.Combine(_directory, "sub"), logging.LogDirectory);
    }

    [Fact]
    public void ApplyMovesFolder()
    {
        string moved = Path.Combine(_directory, "moved");
        using (AgentLogging logging = Create(new LoggingSettings()))
        {
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("before"));
            logging.Apply(new LoggingSettings { Folder = moved });
            logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("after"));
        }

        string[] movedLines = ReadLines(Directory.GetFiles(moved, LogTargetsBuilder.DecisionFilePrefix + "*").Single());
        Assert.Equal("#Software: ExchangeSpfAgent", movedLines[0]);
        Assert.Equal("after", CsvReader.ParseLine(movedLines.Last()).Last());
    }

    [Fact]
    public void SizeLimitStartsNewFileWithHeader()
    {
        using (AgentLogging logging = Create(new LoggingSettings { MaxFileSizeMegabytes = 1 }))
        {
            string reason = new('r', 2000);
            for (int index = 0; index < 700; index++)
            {
                logging.Decisions.Write(DecisionLogFormatTests.SampleRecord(reason));
            }
        }

        string[] files = Directory.GetFiles(_directory, LogTargetsBuilder.DecisionFilePrefix + "*");
        Assert.True(files.Length >= 2, "Expected a second decision file after 1 MB, found " + files.Length);
        Assert.All(files, file => Assert.Equal("#Software: ExchangeSpfAgent", ReadLines(file)[0]));
        Assert.All(files, file => Assert.True(new FileInfo(file).Length <= 1024 * 1024 + 4096, file + " is too large"));
    }

    [Fact]
    public void CountersSeeEveryDecision()
    {
        using AgentLogging logging = Create(new LoggingSettings { DecisionLog = false });

        logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("a"));
        logging.Decisions.Write(DecisionLogFormatTests.SampleRecord("b"));
        DecisionCountsSnapshot counts = logging.Counters.TakeSnapshot();

        Assert.Equal(2, counts.Messages);
        Assert.Equal("fail=2", DecisionCountsSnapshot.Format(counts.Results));
    }

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }

    private static EventLogWriter NoEventLog() => new(null, () => DateTime.UtcNow);

    private static string[] ReadLines(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text.Substring(0, text.Length - 2).Split(new[] { "\r\n" }, StringSplitOptions.None);
    }

    private AgentLogging Create(LoggingSettings settings) =>
        new(new LoggingSettings
        {
            Folder = _directory,
            Level = settings.Level,
            DecisionLog = settings.DecisionLog,
            MaxFileSizeMegabytes = settings.MaxFileSizeMegabytes,
        }, "/nonexistent-base", NoEventLog());

    private string DecisionFile() => Directory.GetFiles(_directory, LogTargetsBuilder.DecisionFilePrefix + "*").Single();

    private string DiagnosticFile() => Directory.GetFiles(_directory, LogTargetsBuilder.DiagnosticFilePrefix + "*").Single();
}
