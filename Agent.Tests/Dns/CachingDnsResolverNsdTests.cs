using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Infrastructure;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// <see cref="CachingDnsResolver"/> over <see cref="DnsClientResolver"/> against NSD: expiry of changed records,
/// negative caching and concurrent lookups.
/// </summary>
[Collection(DnsTestServersCollection.Name)]
public sealed class CachingDnsResolverNsdTests
{
    private const int RecordTtlSeconds = 5;
    private const int NegativeTtlSeconds = 10;
    private static readonly TimeSpan s_justBefore = TimeSpan.FromMilliseconds(1);
    private readonly DnsTestServers _servers;

    public CachingDnsResolverNsdTests(DnsTestServers servers)
    {
        _servers = servers;
    }

    [NsdFact]
    public async Task ChangedRecordSeenOnlyAfterTtl()
    {
        using NsdServer server = NsdServer.Start(ReloadZone("\"old\"", addedRecord: false));
        var clock = new ManualClock();
        var cache = new CachingDnsResolver(Uncached(server), Options(server), clock.AsFunction());

        DnsLookupResult first = await cache.ResolveAsync("record.reload.example", DnsQueryType.Txt);
        server.Restart(ReloadZone("\"new\"", addedRecord: false));
        DnsLookupResult onServer = await Uncached(server).ResolveAsync("record.reload.example", DnsQueryType.Txt);
        clock.Advance(TimeSpan.FromSeconds(RecordTtlSeconds) - s_justBefore);
        DnsLookupResult beforeTtl = await cache.ResolveAsync("record.reload.example", DnsQueryType.Txt);
        clock.Advance(s_justBefore);
        DnsLookupResult afterTtl = await cache.ResolveAsync("record.reload.example", DnsQueryType.Txt);

        Assert.Equal("old", Assert.Single(first.Strings));
        Assert.Equal("new", Assert.Single(onServer.Strings));
        Assert.True(beforeTtl.FromCache);
        Assert.Equal("old", Assert.Single(beforeTtl.Strings));
        Assert.False(afterTtl.FromCache);
        Assert.Equal("new", Assert.Single(afterTtl.Strings));
    }

    [NsdFact]
    public async Task AddedNameSeenOnlyAfterNegativeTtl()
    {
        using NsdServer server = NsdServer.Start(ReloadZone("\"old\"", addedRecord: false));
        var clock = new ManualClock();
        var cache = new CachingDnsResolver(Uncached(server), Options(server), clock.AsFunction());

        DnsLookupResult first = await cache.ResolveAsync("added.reload.example", DnsQueryType.Txt);
        server.Restart(ReloadZone("\"old\"", addedRecord: true));
        DnsLookupResult onServer = await Uncached(server).ResolveAsync("added.reload.example", DnsQueryType.Txt);
        clock.Advance(TimeSpan.FromSeconds(NegativeTtlSeconds) - s_justBefore);
        DnsLookupResult beforeTtl = await cache.ResolveAsync("added.reload.example", DnsQueryType.Txt);
        clock.Advance(s_justBefore);
        DnsLookupResult afterTtl = await cache.ResolveAsync("added.reload.example", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.NxDomain, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(NegativeTtlSeconds), first.TimeToLive);
        Assert.Equal(DnsResponseStatus.Answer, onServer.Status);
        Assert.True(beforeTtl.FromCache);
        Assert.Equal(DnsResponseStatus.NxDomain, beforeTtl.Status);
        Assert.False(afterTtl.FromCache);
        Assert.Equal("added", Assert.Single(afterTtl.Strings));
        Assert.Equal(1, cache.Statistics.NegativeCacheHits);
    }

    [NsdFact]
    public async Task OneSecondTtlExpiresOnSystemClock()
    {
        var cache = new CachingDnsResolver(new DnsClientResolver(_servers.NsdOptions()), _servers.NsdOptions());

        DnsLookupResult first = await cache.ResolveAsync("short.example.com", DnsQueryType.Txt);
        DnsLookupResult cached = await cache.ResolveAsync("short.example.com", DnsQueryType.Txt);
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        DnsLookupResult expired = await cache.ResolveAsync("short.example.com", DnsQueryType.Txt);

        Assert.Equal(TimeSpan.FromSeconds(1), first.TimeToLive);
        Assert.False(first.FromCache);
        Assert.True(cached.FromCache);
        Assert.False(expired.FromCache);
    }

    [NsdFact]
    public async Task ConcurrentQueriesReachServerOnce()
    {
        using var relay = new CountingDnsRelay(_servers.Nsd.EndPoint);
        var options = DnsTestServers.OptionsFor(relay.EndPoint);
        var cache = new CachingDnsResolver(new DnsClientResolver(options), options);
        const int Lookups = 32;
        var start = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<DnsLookupResult>[] lookups = Enumerable.Range(0, Lookups)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await cache.ResolveAsync("multi.example.com", DnsQueryType.Txt);
            }))
            .ToArray();
        start.SetResult(true);
        DnsLookupResult[] results = await Task.WhenAll(lookups);

        Assert.Equal(1, relay.CountFor("multi.example.com"));
        Assert.All(results, result => Assert.Equal("v=spf1 ip4:192.0.2.1 -all", Assert.Single(result.Strings)));
        Assert.Equal(1, cache.Statistics.QueriesSent);
        Assert.Equal(Lookups - 1, cache.Statistics.SharedLookups + cache.Statistics.CacheHits);
    }

    [NsdFact]
    public async Task ParallelLookupsMatchSequentialLookups()
    {
        var uncached = new DnsClientResolver(_servers.NsdOptions());
        var cache = new CachingDnsResolver(new DnsClientResolver(_servers.NsdOptions()), _servers.NsdOptions());
        var expected = new Dictionary<(string, DnsQueryType), string>();
        foreach ((string name, DnsQueryType type) in s_lookups)
        {
            expected[(name, type)] = Describe(await uncached.ResolveAsync(name, type));
        }

        // Every lookup eight times, shuffled with a fixed seed, all started at once.
        var random = new Random(7208);
        (string Name, DnsQueryType Type)[] workload = Enumerable.Repeat(s_lookups, 8)
            .SelectMany(lookups => lookups)
            .OrderBy(_ => random.Next())
            .ToArray();
        string[] parallel = await Task.WhenAll(workload.Select(lookup => Task.Run(async () =>
            Describe(await cache.ResolveAsync(lookup.Name, lookup.Type)))));

        for (int index = 0; index < workload.Length; index++)
        {
            Assert.Equal(expected[(workload[index].Name, workload[index].Type)], parallel[index]);
        }

        Assert.Equal(s_lookups.Length, cache.Statistics.QueriesSent);
    }

    private static readonly (string Name, DnsQueryType Type)[] s_lookups =
    {
        ("multi.example.com", DnsQueryType.Txt),
        ("two.example.com", DnsQueryType.Txt),
        ("big.example.com", DnsQueryType.Txt),
        ("host.example.com", DnsQueryType.A),
        ("host.example.com", DnsQueryType.Aaaa),
        ("host.example.com", DnsQueryType.Txt),
        ("alias.example.com", DnsQueryType.A),
        ("dangling.example.com", DnsQueryType.A),
        ("missing.example.com", DnsQueryType.Txt),
        ("mx.example.com", DnsQueryType.Mx),
        ("nullmx.example.com", DnsQueryType.Mx),
        ("2.2.0.192.in-addr.arpa", DnsQueryType.Ptr),
        ("any.servfail.example", DnsQueryType.Txt),
        ("example.org", DnsQueryType.A),
    };

    private static string Describe(DnsLookupResult result) =>
        result.Status + " " + result.FailureReason + " "
        + string.Join(",", result.Strings.OrderBy(text => text, StringComparer.Ordinal)) + " "
        + string.Join(",", result.Addresses.Select(address => address.ToString()).OrderBy(text => text, StringComparer.Ordinal));

    private static DnsClientResolver Uncached(NsdServer server) => new(DnsTestServers.OptionsFor(server.EndPoint));

    private static DnsResolverOptions Options(NsdServer server) => DnsTestServers.OptionsFor(server.EndPoint);

    private static NsdZone[] ReloadZone(string recordText, bool addedRecord)
    {
        string text = $"""
            $ORIGIN reload.example.
            $TTL 300
            @ IN SOA ns.reload.example. hostmaster.reload.example. 1 3600 600 86400 {NegativeTtlSeconds}
            @ IN NS ns.reload.example.
            ns IN A 127.0.0.1
            record {RecordTtlSeconds} IN TXT {recordText}

            """;
        if (addedRecord)
        {
            text += "added IN TXT \"added\"\n";
        }

        return new[] { new NsdZone("reload.example", text) };
    }
}
