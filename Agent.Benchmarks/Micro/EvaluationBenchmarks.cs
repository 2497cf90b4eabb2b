using System;
using System.Net;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Micro;

/// <summary>
/// One MAIL FROM evaluation of the provider chain with every answer in the shared cache, beside the floor: a
/// prefix-list match of the same client against every range of the chain.
/// </summary>
/// <remarks>
/// The Ratio column is the evaluation's time over the floor's, per client.
/// </remarks>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Sender = 0;

    private SpfEvaluator? _evaluator;
    private IPAddressRangeList? _ranges;
    private IPAddress _client = IPAddress.None;
    private string _mailFrom = string.Empty;
    private string _helo = string.Empty;

    [Params(ClientKind.Ipv4Pass, ClientKind.Ipv4Fail, ClientKind.Ipv6Pass, ClientKind.Ipv6Fail)]
    public ClientKind Client { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var zone = new BenchmarkZone(1);
        var cache = new CachingDnsResolver(new StaticDnsResolver(zone.Records), new DnsResolverOptions());
        _evaluator = new SpfEvaluator(cache, new SpfEvaluatorOptions { ReceiverName = ScenarioMessages.ServerName });
        _ranges = IPAddressRangeList.Parse(BenchmarkZone.PolicyRanges);
        _client = BenchmarkZone.ClientAddress(Client);
        _mailFrom = BenchmarkZone.MailFrom(Sender);
        _helo = BenchmarkZone.HeloName(Sender);

        // The first run fills the cache; the second must find every answer there.
        Expect(Evaluate().GetAwaiter().GetResult(), expectedCacheHits: 0);
        SpfCheckResult warm = Evaluate().GetAwaiter().GetResult();
        Expect(warm, expectedCacheHits: warm.DnsQueryCount);
        if (_ranges.Contains(_client) != BenchmarkZone.Passes(Client))
        {
            throw new InvalidOperationException($"The prefix list does not match {_client} as the policy does.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool PrefixListMatch() => _ranges!.Contains(_client);

    [Benchmark]
    public Task<SpfCheckResult> Evaluate() => _evaluator!.CheckMailFromAsync(_client, _mailFrom, _helo);

    private void Expect(SpfCheckResult result, int expectedCacheHits)
    {
        SpfResult expected = BenchmarkZone.Passes(Client) ? SpfResult.Pass : SpfResult.Fail;
        int lookups = BenchmarkZone.MailFromLookups(Sender, Client).Count;
        // A failing client evaluates every term of the tree; a passing one stops before the newsletter include.
        int terms = BenchmarkZone.Passes(Client)
            ? BenchmarkZone.SenderPolicyDnsTerms - 1
            : BenchmarkZone.SenderPolicyDnsTerms;
        if (result.Result != expected || result.DnsTermCount != terms || result.DnsQueryCount != lookups
            || result.CacheHitCount != expectedCacheHits)
        {
            throw new InvalidOperationException(
                $"The evaluation for {_client} returned {result} with {result.DnsTermCount} DNS terms, "
                + $"{result.DnsQueryCount} lookups and {result.CacheHitCount} cache hits; expected {expected}, "
                + $"{terms} terms, {lookups} lookups and {expectedCacheHits} cache hits.");
        }
    }
}
