using System;
using System.IO;
using System.Text;
using ExchangeSpfAgent.Configuration;
using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// Builds the agent's NLog configuration in code from <see cref="LoggingSettings"/>: no NLog.config file is read.
/// </summary>
internal static class LogTargetsBuilder
{
    /// <summary>The name of the diagnostic log files before the date and the extension.</summary>
    public const string DiagnosticFilePrefix = "Diagnostic_";

    /// <summary>The name of the decision log files before the date and the extension.</summary>
    public const string DecisionFilePrefix = "Decision_";

    private const long BytesPerMegabyte = 1024 * 1024;

    // Dates in file names are in UTC, like Exchange's own logs, so a file covers one UTC day.
    private const string FileDate = "${date:format=yyyyMMdd:universalTime=true}";

    private const string DiagnosticLayout =
        "${date:format=yyyy-MM-dd HH\\:mm\\:ss.fff:universalTime=true}Z ${level:uppercase=true:padding=-5} "
        + "[${threadid}] ${logger} ${message}${onexception:${newline}${exception:format=tostring}}";

    public static LoggingConfiguration Build(
        LogFactory factory, LoggingSettings settings, string logDirectory, string version)
    {
        var configuration = new LoggingConfiguration(factory);

        FileTarget decisions = NewFileTarget("decisions", logDirectory, DecisionFilePrefix, settings);
        decisions.Layout = Layout.FromMethod(e => e.Message);
        decisions.Header = Layout.FromMethod(_ => DecisionLogFormat.FormatHeader(version, DateTimeOffset.UtcNow));
        configuration.AddTarget(decisions);

        FileTarget diagnostics = NewFileTarget("diagnostics", logDirectory, DiagnosticFilePrefix, settings);
        diagnostics.Layout = DiagnosticLayout;
        configuration.AddTarget(diagnostics);

        // Decisions go to their own file only: a final rule for every level keeps them out of the diagnostic log,
        // and without a target it discards them when the decision log is off.
        var decisionRule = new LoggingRule { LoggerNamePattern = AgentLogging.DecisionLoggerName, Final = true };
        decisionRule.EnableLoggingForLevels(LogLevel.Trace, LogLevel.Fatal);
        if (settings.DecisionLog)
        {
            decisionRule.Targets.Add(decisions);
        }

        configuration.LoggingRules.Add(decisionRule);
        configuration.LoggingRules.Add(
            new LoggingRule("*", LogLevel.FromString(settings.Level), LogLevel.Fatal, diagnostics));
        return configuration;
    }

    private static FileTarget NewFileTarget(string name, string directory, string prefix, LoggingSettings settings) =>
        new(name)
        {
            FileName = Path.Combine(directory, prefix + FileDate + ".log"),
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),

            // Windows PowerShell 5.1 reads a file without a byte order mark as ANSI, which garbles UTF-8 text.
            WriteBom = true,
            LineEnding = LineEndingMode.CRLF,
            ArchiveAboveSize = settings.MaxFileSizeMegabytes * BytesPerMegabyte,
            MaxArchiveDays = settings.RetentionDays,
            CreateDirs = true,
            KeepFileOpen = true,
            AutoFlush = true,
        };
}
