using System;
using System.IO;
using System.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Hosting;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Tests.Configuration;
using ExchangeSpfAgent.Tests.Logging;
using Xunit;

namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>The configuration store and the logs started together, as the agent factory starts them.</summary>
public sealed class AgentEnvironmentTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spf-env-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingEventLogSink _eventLog = new();

    public AgentEnvironmentTests()
    {
        Directory.CreateDirectory(_directory);
    }

    private string ConfigurationPath => Path.Combine(_directory, AgentConfigurationLoader.FileName);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LogsGoToConfiguredFolder()
    {
        WriteConfiguration("<Logging><Folder>custom-logs</Folder></Logging>");

        using (AgentEnvironment environment = Start())
        {
            environment.Logging.Decisions.Write(new DecisionRecord { Reason = "written" });
        }

        string folder = Path.Combine(_directory, "custom-logs");
        Assert.Single(Directory.GetFiles(folder, "Decision_*.log"));
        Assert.Contains("Loaded the configuration", File.ReadAllText(Directory.GetFiles(folder, "Diagnostic_*.log").Single()), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidStartWritesEventLogError()
    {
        WriteConfiguration("<Mode>Enforcing</Mode>");

        using AgentEnvironment environment = Start();

        Assert.True(environment.Configuration.Current.IsPassThrough);
        RecordingEventLogSink.Entry entry = Assert.Single(_eventLog.Entries, e => e.EventId == AgentEventIds.ConfigurationInvalid);
        Assert.Equal(EventLogSeverity.Error, entry.Severity);
        Assert.Contains("'Enforcing'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidReloadWritesEventLogWarning()
    {
        WriteConfiguration("<Mode>Enforce</Mode>");
        using AgentEnvironment environment = Start();

        WriteConfiguration("<Logging><RetentionDays>0</RetentionDays></Logging>");
        environment.Configuration.Reload();

        RecordingEventLogSink.Entry entry = Assert.Single(_eventLog.Entries, e => e.EventId == AgentEventIds.ConfigurationReloadRejected);
        Assert.Equal(EventLogSeverity.Warning, entry.Severity);
        Assert.Contains("<Logging/RetentionDays>", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReloadMovesLogs()
    {
        WriteConfiguration("<Logging><Folder>first</Folder></Logging>");
        using AgentEnvironment environment = Start();

        WriteConfiguration("<Logging><Folder>second</Folder><EventLog>false</EventLog></Logging>");
        environment.Configuration.Reload();

        Assert.Equal(Path.Combine(_directory, "second"), environment.Logging.LogDirectory);
        Assert.False(environment.Logging.EventLog.Enabled);
    }

    [Fact]
    public void StartIsInEventLog()
    {
        using AgentEnvironment environment = Start();

        Assert.Contains(_eventLog.Entries, e => e.EventId == AgentEventIds.Started);
    }

    private AgentEnvironment Start() =>
        AgentEnvironment.Start(ConfigurationPath, _directory, new EventLogWriter(_eventLog, () => DateTime.UtcNow), null);

    private void WriteConfiguration(string body) => File.WriteAllText(ConfigurationPath, ConfigurationXml.Document(body));
}
