using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// <see cref="CachingDnsResolver"/> with a scripted inner resolver and a manual clock.
/// </summary>
public sealed class CachingDnsResolverTests
{
    private static readonly TimeSpan s_justBefore = TimeSpan.FromMilliseconds(1);

    private readonly ScriptedDnsResolver _inner = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task AnswerIsCachedForItsTtl()
    {
        _inner.Set("example.com", DnsQueryType.Txt, Text(TimeSpan.FromSeconds(300)));
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        DnsLookupResult first = await cache.ResolveAsync("example.com", DnsQueryType.Txt);
        _clock.Advance(TimeSpan.FromSeconds(300) - s_justBefore);
        DnsLookupResult second = await cache.ResolveAsync("example.com", DnsQueryType.Txt);
        _clock.Advance(s_justBefore);
        DnsLookupResult third = await cache.ResolveAsync("example.com", DnsQueryType.Txt);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Strings, second.Strings);
        Assert.False(third.FromCache);
        Assert.Equal(2, _inner.CallsFor("example.com", DnsQueryType.Txt));
    }

    [Theory]
    [InlineData(1, 10, 3600, 10)]
    [InlineData(0, 5, 3600, 5)]
    [InlineData(86400, 0, 3600, 3600)]
    [InlineData(600, 10, 3600, 600)]
    public async Task TtlIsKeptWithinFloorAndCeiling(int ttl, int floor, int ceiling, int expectedLifetime)
    {
        _inner.Set("example.com", DnsQueryType.A, Address(TimeSpan.FromSeconds(ttl)));
        CachingDnsResolver cache = Create(new DnsResolverOptions
        {
            MinimumTimeToLive = TimeSpan.FromSeconds(floor),
            MaximumTimeToLive = TimeSpan.FromSeconds(ceiling),
        });

        await cache.ResolveAsync("example.com", DnsQueryType.A);
        _clock.Advance(TimeSpan.FromSeconds(expectedLifetime) - s_justBefore);
        DnsLookupResult beforeExpiry = await cache.ResolveAsync("example.com", DnsQueryType.A);
        _clock.Advance(s_justBefore);
        DnsLookupResult atExpiry = await cache.ResolveAsync("example.com", DnsQueryType.A);

        Assert.True(beforeExpiry.FromCache);
        Assert.False(atExpiry.FromCache);
    }

    [Theory]
    [InlineData(DnsResponseStatus.NxDomain)]
    [InlineData(DnsResponseStatus.NoData)]
    public async Task NegativeAnswerIsCachedForItsSoaMinimum(DnsResponseStatus status)
    {
        TimeSpan negativeTtl = TimeSpan.FromSeconds(30);
        _inner.Set("missing.example.com", DnsQueryType.Txt, Negative(status, negativeTtl));
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        await cache.ResolveAsync("missing.example.com", DnsQueryType.Txt);
        _clock.Advance(negativeTtl - s_justBefore);
        DnsLookupResult cached = await cache.ResolveAsync("missing.example.com", DnsQueryType.Txt);
        _clock.Advance(s_justBefore);
        DnsLookupResult expired = await cache.ResolveAsync("missing.example.com", DnsQueryType.Txt);

        Assert.True(cached.FromCache);
        Assert.Equal(status, cached.Status);
        Assert.False(expired.FromCache);
        DnsResolverStatistics statistics = cache.Statistics;
        Assert.Equal(1, statistics.CacheHits);
        Assert.Equal(1, statistics.NegativeCacheHits);
        Assert.Equal(2, statistics.QueriesSent);
    }

    [Theory]
    [InlineData(DnsResponseStatus.NxDomain)]
    [InlineData(DnsResponseStatus.NoData)]
    public async Task NegativeAnswerIsCappedByCeiling(DnsResponseStatus status)
    {
        _inner.Set("missing.example.com", DnsQueryType.A, Negative(status, TimeSpan.FromDays(1)));
        CachingDnsResolver cache = Create(new DnsResolverOptions { MaximumTimeToLive = TimeSpan.FromMinutes(5) });

        await cache.ResolveAsync("missing.example.com", DnsQueryType.A);
        _clock.Advance(TimeSpan.FromMinutes(5));
        DnsLookupResult result = await cache.ResolveAsync("missing.example.com", DnsQueryType.A);

        Assert.False(result.FromCache);
    }

    [Fact]
    public async Task NegativeAnswerWithoutSoaIsNotCached()
    {
        _inner.Set("missing.example.com", DnsQueryType.A, DnsLookupResult.NxDomain(TimeSpan.Zero));
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        await cache.ResolveAsync("missing.example.com", DnsQueryType.A);
        DnsLookupResult second = await cache.ResolveAsync("missing.example.com", DnsQueryType.A);

        Assert.False(second.FromCache);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task TemporaryFailureIsCachedBriefly()
    {
        _inner.Set("slow.example.com", DnsQueryType.Txt, DnsLookupResult.TemporaryFailure(DnsFailureReasons.Timeout));
        _inner.Set("broken.example.com", DnsQueryType.Txt, DnsLookupResult.TemporaryFailure(DnsFailureReasons.ServerFailure));
        CachingDnsResolver cache = Create(new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.FromSeconds(5) });

        await cache.ResolveAsync("slow.example.com", DnsQueryType.Txt);
        await cache.ResolveAsync("broken.example.com", DnsQueryType.Txt);
        _clock.Advance(TimeSpan.FromSeconds(5) - s_justBefore);
        DnsLookupResult cachedTimeout = await cache.ResolveAsync("slow.example.com", DnsQueryType.Txt);
        _clock.Advance(s_justBefore);
        DnsLookupResult expiredFailure = await cache.ResolveAsync("broken.example.com", DnsQueryType.Txt);

        Assert.True(cachedTimeout.FromCache);
        Assert.Equal(DnsFailureReasons.Timeout, cachedTimeout.FailureReason);
        Assert.False(expiredFailure.FromCache);
        DnsResolverStatistics statistics = cache.Statistics;
        Assert.Equal(1, statistics.Timeouts);
        Assert.Equal(2, statistics.Failures);
        Assert.Equal(0, statistics.NegativeCacheHits);
    }

    [Fact]
    public async Task TemporaryFailureCachingTurnsOff()
    {
        _inner.Set("slow.example.com", DnsQueryType.A, DnsLookupResult.TemporaryFailure(DnsFailureReasons.Timeout));
        CachingDnsResolver cache = Create(new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.Zero });

        await cache.ResolveAsync("slow.example.com", DnsQueryType.A);
        DnsLookupResult second = await cache.ResolveAsync("slow.example.com", DnsQueryType.A);

        Assert.False(second.FromCache);
        Assert.Equal(2, cache.Statistics.Timeouts);
        Assert.Equal(2, _inner.CallsFor("slow.example.com", DnsQueryType.A));
    }

    [Fact]
    public async Task LeastRecentlyUsedEntryIsEvicted()
    {
        CachingDnsResolver cache = Create(new DnsResolverOptions { MaxCacheEntries = 2 });
        _inner.DefaultResult = Text(TimeSpan.FromHours(1));

        await cache.ResolveAsync("a.example", DnsQueryType.Txt);
        await cache.ResolveAsync("b.example", DnsQueryType.Txt);
        await cache.ResolveAsync("a.example", DnsQueryType.Txt);
        await cache.ResolveAsync("c.example", DnsQueryType.Txt);
        DnsLookupResult a = await cache.ResolveAsync("a.example", DnsQueryType.Txt);
        DnsLookupResult c = await cache.ResolveAsync("c.example", DnsQueryType.Txt);
        DnsLookupResult b = await cache.ResolveAsync("b.example", DnsQueryType.Txt);

        Assert.True(a.FromCache);
        Assert.True(c.FromCache);
        Assert.False(b.FromCache);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, cache.Statistics.Evictions);
    }

    [Fact]
    public async Task CaseAndTrailingDotShareEntry()
    {
        _inner.DefaultResult = Text(TimeSpan.FromHours(1));
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        await cache.ResolveAsync("Example.COM.", DnsQueryType.Txt);
        DnsLookupResult lower = await cache.ResolveAsync("example.com", DnsQueryType.Txt);
        DnsLookupResult otherType = await cache.ResolveAsync("example.com", DnsQueryType.Mx);

        Assert.True(lower.FromCache);
        Assert.False(otherType.FromCache);
        Assert.Equal(2, _inner.TotalCalls);
    }

    [Fact]
    public async Task IdenticalConcurrentLookupsShareOneQuery()
    {
        _inner.Set("example.com", DnsQueryType.Txt, Text(TimeSpan.FromHours(1)));
        _inner.Hold();
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        Task<DnsLookupResult>[] lookups = Enumerable.Range(0, 20)
            .Select(_ => cache.ResolveAsync("example.com", DnsQueryType.Txt))
            .ToArray();
        _inner.Release();
        DnsLookupResult[] results = await Task.WhenAll(lookups);

        Assert.Equal(1, _inner.CallsFor("example.com", DnsQueryType.Txt));
        Assert.All(results, result => Assert.Equal(new[] { "v=spf1 -all" }, result.Strings));
        Assert.All(results, result => Assert.False(result.FromCache));
        DnsResolverStatistics statistics = cache.Statistics;
        Assert.Equal(1, statistics.QueriesSent);
        Assert.Equal(19, statistics.SharedLookups);
        Assert.Equal(20, statistics.Lookups);
    }

    [Fact]
    public async Task CancelledWaiterLeavesSharedQueryRunning()
    {
        _inner.Set("example.com", DnsQueryType.Txt, Text(TimeSpan.FromHours(1)));
        _inner.Hold();
        CachingDnsResolver cache = Create(new DnsResolverOptions());
        using var cancellation = new CancellationTokenSource();

        Task<DnsLookupResult> cancelled = cache.ResolveAsync("example.com", DnsQueryType.Txt, cancellation.Token);
        Task<DnsLookupResult> patient = cache.ResolveAsync("example.com", DnsQueryType.Txt);
        cancellation.Cancel();
        OperationCanceledException exception =
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _inner.Release();
        DnsLookupResult result = await patient;
        DnsLookupResult later = await cache.ResolveAsync("example.com", DnsQueryType.Txt);

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.True(later.FromCache);
        Assert.Equal(1, _inner.CallsFor("example.com", DnsQueryType.Txt));
    }

    [Fact]
    public async Task CancelledTokenThrowsBeforeAnyQuery()
    {
        CachingDnsResolver cache = Create(new DnsResolverOptions());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cache.ResolveAsync("example.com", DnsQueryType.Txt, cancellation.Token));

        Assert.Equal(0, _inner.TotalCalls);
    }

    [Fact]
    public async Task InnerCancellationBecomesTimeout()
    {
        _inner.Failure = new OperationCanceledException();
        CachingDnsResolver cache = Create(new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.Zero });

        DnsLookupResult result = await cache.ResolveAsync("example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.True(DnsFailureReasons.IsTimeout(result));
    }

    [Fact]
    public async Task InnerExceptionReachesCallerAndIsNotCached()
    {
        _inner.Failure = new InvalidOperationException("broken inner resolver");
        CachingDnsResolver cache = Create(new DnsResolverOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.ResolveAsync("example.com", DnsQueryType.A));
        _inner.Failure = null;
        DnsLookupResult retry = await cache.ResolveAsync("example.com", DnsQueryType.A);

        Assert.False(retry.FromCache);
        Assert.Equal(2, _inner.CallsFor("example.com", DnsQueryType.A));
    }

    [Fact]
    public async Task ClearEmptiesTheCache()
    {
        _inner.DefaultResult = Text(TimeSpan.FromHours(1));
        CachingDnsResolver cache = Create(new DnsResolverOptions());
        await cache.ResolveAsync("example.com", DnsQueryType.Txt);

        cache.Clear();
        DnsLookupResult result = await cache.ResolveAsync("example.com", DnsQueryType.Txt);

        Assert.False(result.FromCache);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        var options = new DnsResolverOptions { MaxCacheEntries = 0 };

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new CachingDnsResolver(_inner, options));

        Assert.Contains("MaxCacheEntries", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HitsShareOneCompletedTask()
    {
        _inner.Set("example.com", DnsQueryType.Txt, Text(TimeSpan.FromSeconds(300)));
        CachingDnsResolver cache = Create(new DnsResolverOptions());
        await cache.ResolveAsync("example.com", DnsQueryType.Txt);

        Task<DnsLookupResult> first = cache.ResolveAsync("example.com", DnsQueryType.Txt);
        Task<DnsLookupResult> second = cache.ResolveAsync("EXAMPLE.com", DnsQueryType.Txt);

        Assert.True(first.IsCompleted);
        Assert.Same(first, second);
        Assert.True((await first).FromCache);
    }

    [Fact]
    public async Task CancelledCallerGetsCancelledTask()
    {
        _inner.Set("example.com", DnsQueryType.Txt, Text(TimeSpan.FromSeconds(300)));
        CachingDnsResolver cache = Create(new DnsResolverOptions());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Task<DnsLookupResult> lookup = cache.ResolveAsync("example.com", DnsQueryType.Txt, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);
        Assert.True(lookup.IsCanceled);
        Assert.Equal(0, _inner.CallsFor("example.com", DnsQueryType.Txt));
    }

    private static DnsLookupResult Text(TimeSpan timeToLive) => DnsLookupResult.FromStrings(new[] { "v=spf1 -all" }, timeToLive);

    private static DnsLookupResult Address(TimeSpan timeToLive) =>
        DnsLookupResult.FromAddresses(new[] { IPAddress.Parse("192.0.2.1") }, timeToLive);

    private static DnsLookupResult Negative(DnsResponseStatus status, TimeSpan timeToLive) =>
        status == DnsResponseStatus.NxDomain ? DnsLookupResult.NxDomain(timeToLive) : DnsLookupResult.NoData(timeToLive);

    private CachingDnsResolver Create(DnsResolverOptions options) => new(_inner, options, _clock.AsFunction());
}
