using System;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;

namespace ExchangeSpfAgent.Hosting;

/// <summary>
/// The configuration store and the logs of one transport process, started together in the order they depend on
/// each other.
/// </summary>
/// <remarks>
/// The configuration is read first, without logging, because it names the log folder. The logs are then created
/// from it, or from the defaults in pass-through mode. Last, the store logs the outcome of that first load and
/// starts watching the file. A reload that changes the logging settings is applied to the logs.
/// </remarks>
public sealed class AgentEnvironment : IDisposable
{
    private AgentEnvironment(AgentConfigurationStore configuration, AgentLogging logging)
    {
        Configuration = configuration;
        Logging = logging;
    }

    /// <summary>The configuration in force and its reloads.</summary>
    public AgentConfigurationStore Configuration { get; }

    /// <summary>The diagnostic log, the decision log and the event log.</summary>
    public AgentLogging Logging { get; }

    /// <summary>
    /// Reads the configuration file beside the agent DLL, creates the logs and starts watching the file.
    /// </summary>
    /// <param name="summaryDetails">Returns more counts for the periodic summary, such as the DNS cache's, or null.</param>
    /// <remarks>
    /// An invalid or unreadable configuration file does not make this throw: the agent then runs in pass-through
    /// mode. Exceptions from the platform, such as a log folder that cannot be created, are left to the caller.
    /// </remarks>
    public static AgentEnvironment Start(Func<string>? summaryDetails) =>
        Start(AgentConfigurationLoader.DefaultPath, AgentLocation.Directory, EventLogWriter.Create(), summaryDetails);

    /// <summary>Starts with an explicit configuration file, base folder for relative paths and event log.</summary>
    public static AgentEnvironment Start(
        string configurationPath,
        string baseDirectory,
        EventLogWriter eventLog,
        Func<string>? summaryDetails)
    {
        var configuration = new AgentConfigurationStore(configurationPath);
        AgentLogging? logging = null;
        try
        {
            LoggingSettings loggingSettings = (configuration.Settings ?? AgentSettings.Default).Logging;
            logging = new AgentLogging(loggingSettings, baseDirectory, eventLog);
            logging.LogStarted();
            AgentLogging started = logging;
            configuration.Rejected += (_, e) => ReportRejected(started.EventLog, e);
            configuration.Changed += (_, e) => started.Apply(e.Current.Settings!.Logging);
            configuration.Start(logging.Diagnostics);
            logging.StartSummary(summaryDetails);
            return new AgentEnvironment(configuration, logging);
        }
        catch
        {
            configuration.Dispose();
            logging?.Dispose();
            throw;
        }
    }

    /// <summary>Stops watching the configuration file, writes the last summary and closes the log files.</summary>
    public void Dispose()
    {
        Configuration.Dispose();
        Logging.Dispose();
    }

    private static void ReportRejected(EventLogWriter eventLog, ConfigurationRejectedEventArgs rejected)
    {
        if (rejected.AtStartup)
        {
            eventLog.Write(
                EventLogSeverity.Error,
                AgentEventIds.ConfigurationInvalid,
                rejected.Error.Message + " " + rejected.Consequence);
        }
        else
        {
            eventLog.Write(
                EventLogSeverity.Warning,
                AgentEventIds.ConfigurationReloadRejected,
                rejected.Error.Message + " " + rejected.Consequence);
        }
    }
}
