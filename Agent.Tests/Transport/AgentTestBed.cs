using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Harness;
using ExchangeSpfAgent.Tests.Spf.Suite;
using ExchangeSpfAgent.Transport;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace ExchangeSpfAgent.Tests.Transport;

/// <summary>
/// Runs one end-of-headers event through the real factory and agent, with DNS from in-memory zone
/// data, and collects the outcome: actions, headers, decision records and diagnostic log lines.
/// </summary>
public sealed class AgentTestBed
{
    public const string Appliance = "198.51.100.10";

    public AgentTestBed()
    {
        Zone = new SpfZoneData()
            .AddTxt("pass.example", "v=spf1 ip4:203.0.113.0/24 -all")
            .AddTxt("fail.example", "v=spf1 ip4:203.0.113.0/24 -all exp=explain.fail.example")
            .AddTxt("explain.fail.example", "%{i} is not one of %{d}'s designated mail servers.")
            .AddTxt("soft.example", "v=spf1 ip4:203.0.113.0/24 ~all")
            .AddTxt("perm.example", "v=spf1 ip4:203.0.113.0/24 bogus:x -all")
            .AddTimeout("temp.example")
            .AddTxt("helo-fail.example", "v=spf1 -all");
        Settings = new AgentSettings
        {
            Origin = new OriginSelectorOptions { TrustedRelays = IPAddressRangeList.Parse(new[] { Appliance, "198.51.100.11", "198.51.100.12" }) },
        };
    }

    public SpfZoneData Zone { get; }

    public AgentSettings Settings { get; set; }

    /// <summary>Replaces the resolver built from <see cref="Zone"/>, e.g. with a slow or throwing one.</summary>
    public Func<IDnsResolver, IDnsResolver> WrapResolver { get; set; } = inner => inner;

    public ConcurrentQueue<DecisionRecord> Records { get; } = new();

    public MemoryTarget Log { get; } = new("memory") { Layout = "${level:uppercase=true}|${message}|${exception:format=type}" };

    public IEnumerable<string> Errors => Log.Logs.Where(l => l.StartsWith("ERROR|", StringComparison.Ordinal));

    public EndOfHeadersEvent Run(FakeSmtpSession session, string headerText, FakeMailItem mailItem, TimeSpan? timeout = null)
    {
        var logFactory = new LogFactory();
        var config = new LoggingConfiguration(logFactory);
        config.AddRuleForAllLevels(Log);
        logFactory.Configuration = config;

        var services = new AgentServices(
            () => Settings,
            _ => WrapResolver(new InMemoryDnsResolver(Zone)),
            new RecordingDecisionLog(Records),
            logFactory.GetLogger("test"));
        var factory = new SpfAgentFactory(services);
        var ev = new EndOfHeadersEvent(session, headerText, mailItem);
        ev.Raise(factory.CreateAgent(new FakeSmtpServer()), timeout ?? TimeSpan.FromSeconds(30));
        return ev;
    }

    /// <summary>A session from the trusted appliance.</summary>
    public static FakeSmtpSession FromAppliance() => new FakeSmtpSession().WithRemote(Appliance).WithHelo("appliance.example.org");

    private sealed class RecordingDecisionLog : IDecisionLog
    {
        private readonly ConcurrentQueue<DecisionRecord> _records;

        public RecordingDecisionLog(ConcurrentQueue<DecisionRecord> records) => _records = records;

        public void Write(DecisionRecord record) => _records.Enqueue(record);
    }
}
