using System;
using System.Threading.Tasks;
using ExchangeSpfAgent.Logging;
using NLog;
using NLog.Targets;
using Xunit;

namespace ExchangeSpfAgent.Tests.Logging;

public sealed class SummaryReporterTests
{
    private readonly MemoryTarget _log = new("memory") { Layout = "${level}|${message}" };
    private readonly Logger _logger;

    public SummaryReporterTests()
    {
        var factory = new LogFactory();
        var configuration = new NLog.Config.LoggingConfiguration(factory);
        configuration.AddRuleForAllLevels(_log);
        factory.Configuration = configuration;
        _logger = factory.GetLogger("test");
    }

    [Fact]
    public void SummaryCountsResultsAndActions()
    {
        var counters = new DecisionCounters();
        counters.Record(new DecisionRecord { Result = "pass", Action = "Stamp" });
        counters.Record(new DecisionRecord { Result = "fail", Action = "Reject" });
        counters.Record(new DecisionRecord { Result = "fail", Action = "Reject" });
        counters.RecordError();
        using var reporter = new SummaryReporter(_logger, counters, () => "DNS: 5 queries.");

        reporter.Write();

        string line = Assert.Single(_log.Logs);
        Assert.Contains("3 messages", line, StringComparison.Ordinal);
        Assert.Contains("results fail=2, pass=1", line, StringComparison.Ordinal);
        Assert.Contains("actions Reject=2, Stamp=1", line, StringComparison.Ordinal);
        Assert.Contains("1 unexpected errors", line, StringComparison.Ordinal);
        Assert.EndsWith("DNS: 5 queries.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryResetsCounts()
    {
        var counters = new DecisionCounters();
        counters.Record(new DecisionRecord { Result = "pass", Action = "Stamp" });
        using var reporter = new SummaryReporter(_logger, counters, null);

        reporter.Write();
        reporter.Write();

        Assert.Contains("0 messages; results none; actions none", _log.Logs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CountersAreThreadSafe()
    {
        var counters = new DecisionCounters();

        Parallel.For(0, 10_000, index => counters.Record(new DecisionRecord { Result = index % 2 == 0 ? "pass" : "fail" }));

        DecisionCountsSnapshot snapshot = counters.TakeSnapshot();
        Assert.Equal(10_000, snapshot.Messages);
        Assert.Equal("fail=5000, pass=5000", DecisionCountsSnapshot.Format(snapshot.Results));
    }

    [Fact]
    public void TimerWritesSummary()
    {
        var counters = new DecisionCounters();
        using var reporter = new SummaryReporter(_logger, counters, null);

        reporter.SetInterval(TimeSpan.FromMilliseconds(50));
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (_log.Logs.Count == 0 && DateTime.UtcNow < deadline)
        {
            System.Threading.Thread.Sleep(20);
        }

        Assert.NotEmpty(_log.Logs);
    }
}
