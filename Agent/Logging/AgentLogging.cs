using System;
using System.Diagnostics;
using System.IO;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Hosting;
using NLog;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// The agent's logs: the diagnostic log, the decision log and the Windows event log, configured in code from
/// <see cref="LoggingSettings"/> with a private NLog <see cref="LogFactory"/>.
/// </summary>
/// <remarks>
/// The host process may use NLog itself; this class never touches NLog's global <see cref="LogManager"/> and never
/// reads an NLog.config file, so the agent's logging neither changes nor follows the host's. Thread-safe.
/// </remarks>
public sealed class AgentLogging : IDisposable
{
    /// <summary>The logger name of the diagnostic log; other components use names below it.</summary>
    public const string DiagnosticLoggerName = "ExchangeSpfAgent";

    /// <summary>The logger name that routes to the decision log.</summary>
    public const string DecisionLoggerName = "ExchangeSpfAgent.Decisions";

    private static readonly TimeSpan s_flushTimeout = TimeSpan.FromSeconds(5);

    private readonly object _lock = new();
    private readonly LogFactory _factory;
    private readonly string _baseDirectory;
    private readonly string _version;
    private SummaryReporter? _summary;
    private LoggingSettings _settings;
    private bool _disposed;

    /// <summary>Creates the logs with relative folders resolved against <paramref name="baseDirectory"/>.</summary>
    public AgentLogging(LoggingSettings settings, string baseDirectory, EventLogWriter eventLog)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _baseDirectory = baseDirectory ?? throw new ArgumentNullException(nameof(baseDirectory));
        EventLog = eventLog ?? throw new ArgumentNullException(nameof(eventLog));
        _version = typeof(AgentLogging).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        // Assigning the configuration before the first GetLogger keeps NLog from searching for NLog.config files.
        _factory = new LogFactory { ThrowExceptions = false, ThrowConfigExceptions = false };
        LogDirectory = ResolveFolder(settings.Folder);
        _factory.Configuration = LogTargetsBuilder.Build(_factory, settings, LogDirectory, _version);
        EventLog.Enabled = settings.EventLog;

        Diagnostics = _factory.GetLogger(DiagnosticLoggerName);
        Counters = new DecisionCounters();
        Decisions = new DecisionLogWriter(_factory.GetLogger(DecisionLoggerName), Counters);
    }

    /// <summary>The diagnostic log.</summary>
    public Logger Diagnostics { get; }

    /// <summary>The decision log; give it to the policy as its <see cref="IDecisionLog"/>.</summary>
    public DecisionLogWriter Decisions { get; }

    /// <summary>The counts that the periodic summary reports.</summary>
    public DecisionCounters Counters { get; }

    /// <summary>The Windows Application event log.</summary>
    public EventLogWriter EventLog { get; }

    /// <summary>The full path of the log folder in force.</summary>
    public string LogDirectory { get; private set; }

    /// <summary>Creates the logs for the agent in its own folder, with the platform's event log.</summary>
    public static AgentLogging Create(LoggingSettings settings) =>
        new(settings, AgentLocation.Directory, EventLogWriter.Create());

    /// <summary>Returns a logger of the diagnostic log, such as <c>ExchangeSpfAgent.Dns</c>.</summary>
    public Logger GetLogger(string name) => _factory.GetLogger(name);

    /// <summary>Applies changed settings: folder, level, rotation, retention, event log and summary interval.</summary>
    public void Apply(LoggingSettings settings)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            string directory = ResolveFolder(settings.Folder);
            _factory.Configuration = LogTargetsBuilder.Build(_factory, settings, directory, _version);
            EventLog.Enabled = settings.EventLog;
            LogDirectory = directory;
            _settings = settings;
            _summary?.SetInterval(TimeSpan.FromMinutes(settings.SummaryIntervalMinutes));
        }
    }

    /// <summary>Starts the periodic summary of counts at the configured interval.</summary>
    /// <param name="details">Returns more counts for the summary line, such as the DNS cache's, or null.</param>
    public void StartSummary(Func<string>? details)
    {
        lock (_lock)
        {
            if (_disposed || _summary is not null)
            {
                return;
            }

            _summary = new SummaryReporter(Diagnostics, Counters, details);
            _summary.SetInterval(TimeSpan.FromMinutes(_settings.SummaryIntervalMinutes));
        }
    }

    /// <summary>Logs the start of the agent in this process, also to the event log.</summary>
    public void LogStarted()
    {
        using Process process = Process.GetCurrentProcess();
        Diagnostics.Info(
            "ExchangeSpfAgent {Version} started in {Process} (process {ProcessId}) from {AgentFolder}; "
                + "logs in {LogFolder}.",
            _version,
            process.ProcessName,
            process.Id,
            _baseDirectory,
            LogDirectory);
        EventLog.Write(
            EventLogSeverity.Information,
            AgentEventIds.Started,
            "ExchangeSpfAgent " + _version + " started in " + process.ProcessName + " from " + _baseDirectory
                + ". Logs are written to " + LogDirectory + ".");
    }

    /// <summary>Logs an exception that was caught at the agent boundary, also to the event log, and counts it.</summary>
    public void LogUnexpected(Exception exception, string message)
    {
        Counters.RecordError();
        Diagnostics.Error(exception, message);
        EventLog.WriteException(AgentEventIds.UnexpectedException, message, exception);
    }

    /// <summary>Writes pending entries to the files.</summary>
    public void Flush() => _factory.Flush(s_flushTimeout);

    /// <summary>Writes a last summary and a stop line, flushes and closes the log files.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _summary?.Dispose();
            _summary?.Write();
        }

        Diagnostics.Info("ExchangeSpfAgent {Version} stopped.", _version);
        _factory.Flush(s_flushTimeout);
        _factory.Shutdown();
        _factory.Dispose();
    }

    private string ResolveFolder(string folder)
    {
        string path = Path.IsPathRooted(folder) ? folder : Path.Combine(_baseDirectory, folder);
        return Path.GetFullPath(path);
    }
}
