using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ExchangeSpfAgent.Configuration;
using NLog;
using NLog.Targets;
using Xunit;

namespace ExchangeSpfAgent.Tests.Configuration;

public sealed class AgentConfigurationStoreTests : IDisposable
{
    // Tests that call Reload themselves keep the watcher and the timer from reloading first.
    private static readonly TimeSpan s_never = TimeSpan.FromHours(1);

    private readonly string _directory;
    private readonly string _path;
    private readonly MemoryTarget _log = new("memory") { Layout = "${level}|${message}" };
    private readonly Logger _logger;

    public AgentConfigurationStoreTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), "spf-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, AgentConfigurationLoader.FileName);
        var factory = new LogFactory();
        var configuration = new NLog.Config.LoggingConfiguration(factory);
        configuration.AddRuleForAllLevels(_log);
        factory.Configuration = configuration;
        _logger = factory.GetLogger("test");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingFileStartsWithDefaults()
    {
        using var store = new AgentConfigurationStore(_path);
        store.Start(_logger);

        Assert.Same(AgentSettings.Default, store.Settings);
        Assert.False(store.Current.IsPassThrough);
        Assert.Contains(_log.Logs, line => line.StartsWith("Warn|", StringComparison.Ordinal) && line.Contains("does not exist"));
    }

    [Fact]
    public void InvalidFileStartsInPassThrough()
    {
        Write("<Mode>Enforcing</Mode>");

        using var store = new AgentConfigurationStore(_path);
        store.Start(_logger);

        Assert.True(store.Current.IsPassThrough);
        Assert.Null(store.Settings);
        Assert.Equal("Mode", store.Current.Error?.Element);
        Assert.Contains(_log.Logs, line => line.StartsWith("Error|", StringComparison.Ordinal) && line.Contains("unchecked"));
    }

    [Fact]
    public void ConstructorNeverThrowsForFile()
    {
        File.WriteAllText(_path, "not xml at all");

        using var store = new AgentConfigurationStore(_path);

        Assert.True(store.Current.IsPassThrough);
        Assert.Equal(1, store.Current.Error?.LineNumber);
    }

    [Fact]
    public void ValidChangeTakesEffect()
    {
        Write("<Mode>Enforce</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);
        ConfigurationChangedEventArgs? change = null;
        store.Changed += (_, e) => change = e;

        Write("<Mode>LogOnly</Mode>");
        bool reloaded = store.Reload();

        Assert.True(reloaded);
        Assert.Equal(AgentMode.LogOnly, store.Settings?.Mode);
        Assert.Equal(AgentMode.Enforce, change?.Previous.Settings?.Mode);
        Assert.Same(store.Current, change?.Current);
        Assert.Contains(_log.Logs, line => line.StartsWith("Info|Reloaded", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidReloadKeepsLastGood()
    {
        Write("<Mode>LogOnly</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);
        AgentSettings? good = store.Settings;
        int changes = 0;
        store.Changed += (_, _) => changes++;

        Write("<Mode>LogOnly</Mode>\n<Logging><RetentionDays>-1</RetentionDays></Logging>");
        bool reloaded = store.Reload();

        Assert.False(reloaded);
        Assert.Same(good, store.Settings);
        Assert.Equal("Logging/RetentionDays", store.Current.Error?.Element);
        Assert.Equal(0, changes);
        Assert.Contains(_log.Logs, line => line.StartsWith("Warn|Rejected", StringComparison.Ordinal) && line.Contains("keeps the configuration"));
    }

    [Fact]
    public void ValidReloadLeavesPassThrough()
    {
        Write("<Mode>Enforcing</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);

        Write("<Mode>Enforce</Mode>");
        store.Reload();

        Assert.False(store.Current.IsPassThrough);
        Assert.Null(store.Current.Error);
    }

    [Fact]
    public void DeletedFileKeepsLastGood()
    {
        Write("<Mode>LogOnly</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);

        File.Delete(_path);
        bool reloaded = store.Reload();

        Assert.False(reloaded);
        Assert.Equal(AgentMode.LogOnly, store.Settings?.Mode);
        Assert.Contains(_log.Logs, line => line.StartsWith("Warn|", StringComparison.Ordinal) && line.Contains("was deleted"));
    }

    [Fact]
    public void UnchangedContentIsNotReloaded()
    {
        Write("<Mode>LogOnly</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);
        ConfigurationState before = store.Current;

        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow.AddMinutes(1));
        bool reloaded = store.Reload();

        Assert.False(reloaded);
        Assert.Same(before, store.Current);
    }

    [Fact]
    public void CreatedFileReplacesDefaults()
    {
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);

        Write("<Mode>LogOnly</Mode>");
        bool reloaded = store.Reload();

        Assert.True(reloaded);
        Assert.Equal(AgentMode.LogOnly, store.Settings?.Mode);
    }

    [Fact]
    public void FailingHandlerDoesNotStopOthers()
    {
        Write("<Mode>Enforce</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        store.Start(_logger);
        bool secondCalled = false;
        store.Changed += (_, _) => throw new InvalidOperationException("handler failure");
        store.Changed += (_, _) => secondCalled = true;

        Write("<Mode>LogOnly</Mode>");
        store.Reload();

        Assert.True(secondCalled);
        Assert.Contains(_log.Logs, line => line.StartsWith("Error|", StringComparison.Ordinal) && line.Contains("handler"));
    }

    [Fact]
    public void ChangeIsFoundWithoutReloadCall()
    {
        Write("<Mode>Enforce</Mode>");
        using var store = new AgentConfigurationStore(_path, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        using var changed = new ManualResetEventSlim();
        store.Changed += (_, _) => changed.Set();
        store.Start(_logger);

        Write("<Mode>LogOnly</Mode>");

        Assert.True(changed.Wait(TimeSpan.FromSeconds(20)), "The store did not reload the changed file.");
        Assert.Equal(AgentMode.LogOnly, store.Settings?.Mode);
    }

    [Fact]
    public void InvalidReloadRaisesRejected()
    {
        Write("<Mode>Enforce</Mode>");
        using var store = new AgentConfigurationStore(_path, s_never, s_never);
        var rejections = new List<ConfigurationRejectedEventArgs>();
        store.Rejected += (_, e) => rejections.Add(e);
        store.Start(_logger);

        Write("<Mode>Enforcing</Mode>");
        store.Reload();

        ConfigurationRejectedEventArgs rejected = Assert.Single(rejections);
        Assert.False(rejected.AtStartup);
        Assert.Equal("Enforcing", rejected.Error.Value);
        Assert.Contains("keeps the configuration loaded at", rejected.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidStartRaisesRejected()
    {
        Write("<Mode>Enforcing</Mode>");
        using var store = new AgentConfigurationStore(_path);
        var rejections = new List<ConfigurationRejectedEventArgs>();
        store.Rejected += (_, e) => rejections.Add(e);

        store.Start(_logger);

        ConfigurationRejectedEventArgs rejected = Assert.Single(rejections);
        Assert.True(rejected.AtStartup);
        Assert.Contains("unchecked", rejected.Consequence, StringComparison.Ordinal);
    }

    private void Write(string body) => File.WriteAllText(_path, ConfigurationXml.Document(body));
}
