using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Benchmarks.Micro;

/// <summary>
/// The whole end-of-headers decision for one message with a warm cache: scope, origin header behind a trusted
/// appliance, HELO and MAIL FROM evaluations, policy, the Received-SPF and Authentication-Results header values,
/// and the decision log record.
/// </summary>
/// <remarks>
/// Reading the headers from Exchange's mail item and writing the decision back into it are not measured here,
/// because that code needs Exchange's types; the message arrives as the <see cref="MessageContext"/> that the
/// adapter builds.
/// </remarks>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Sender = 0;

    private MessageChecker? _checker;
    private MessageContext? _message;
    private AgentSettings? _settings;

    [Params(ClientKind.Ipv4Pass, ClientKind.Ipv4Fail, ClientKind.Ipv6Pass, ClientKind.Ipv6Fail)]
    public ClientKind Client { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var zone = new BenchmarkZone(1);
        var cache = new CachingDnsResolver(new StaticDnsResolver(zone.Records), new DnsResolverOptions());
        _checker = new MessageChecker(cache);
        _settings = ScenarioMessages.CreateSettings();
        _message = ScenarioMessages.Create(Sender, Client, sessionId: 1);

        CheckMessage().GetAwaiter().GetResult();
        MessageDecision warm = CheckMessage().GetAwaiter().GetResult();
        SpfAction expected = BenchmarkZone.Passes(Client) ? SpfAction.Stamp : SpfAction.Reject;
        int lookups = BenchmarkZone.HeloLookups(Sender, Client).Count
            + BenchmarkZone.MailFromLookups(Sender, Client).Count;
        if (warm.Action != expected || warm.Record.DnsQueries != lookups || warm.Record.CacheHits != lookups)
        {
            throw new InvalidOperationException(
                $"The warm decision for {Client} was {warm.Action} with {warm.Record.DnsQueries} lookups and "
                + $"{warm.Record.CacheHits} cache hits; expected {expected} with {lookups} of each. "
                + $"Reason: {warm.Record.Reason}");
        }
    }

    [Benchmark]
    public Task<MessageDecision> CheckMessage() => _checker!.CheckAsync(_message!, _settings!);
}
