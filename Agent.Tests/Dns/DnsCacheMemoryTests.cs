using System;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// The memory held by <see cref="CachingDnsResolver"/> stays bounded under a stream of distinct names.
/// </summary>
/// <remarks>
/// Runs alone (see <see cref="MemoryMeasurementCollection"/>) because other tests allocating at the same time
/// would blur the heap measurements.
/// </remarks>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class DnsCacheMemoryTests
{
    private const int MaxEntries = 2_000;
    private const int StreamedNames = 200_000;

    // Generous for 2,000 entries of about 300 bytes each, and far below the 60 MB or so that 200,000
    // retained entries would take. Mono's heap figure moved by 2 MB between quiet measurements, so it
    // gets twice the room.
    private static readonly long s_growthAllowanceBytes = (IsMono ? 8 : 4) * 1024 * 1024;

    // A cache entry contains at least a key string, a result, an entry object and a list node, so well
    // over 40 bytes. The bound is loose because Mono's heap figure moves with collections in progress
    // (a loaded run measured 95 bytes an entry where a quiet one measured about 300).
    private const long MinimumEntryBytes = 40;

    [Fact]
    public async Task MemoryStaysWithinBoundUnderDistinctNames()
    {
        var inner = new ConstantDnsResolver(
            DnsLookupResult.FromStrings(new[] { "v=spf1 ip4:192.0.2.0/24 -all" }, TimeSpan.FromHours(1)));
        var cache = new CachingDnsResolver(inner, new DnsResolverOptions { MaxCacheEntries = MaxEntries });

        long empty = MeasureHeap();
        await Stream(cache, 0, MaxEntries);
        long full = MeasureHeap();
        await Stream(cache, MaxEntries, StreamedNames);
        long afterStream = MeasureHeap();

        // The measurement must see the entries at all, or a bounded growth would prove nothing. Mono's
        // GC.GetTotalMemory is too coarse for that (a CI run measured the heap 2 MB smaller when full), so
        // this check runs on .NET only.
        if (!IsMono)
        {
            Assert.True(
                full - empty > MaxEntries * MinimumEntryBytes,
                $"Filling the cache with {MaxEntries} entries grew the heap by only {full - empty} bytes.");
        }

        Assert.Equal(MaxEntries, cache.Count);
        Assert.Equal(StreamedNames - MaxEntries, cache.Statistics.Evictions);
        Assert.True(
            afterStream - full < s_growthAllowanceBytes,
            $"The heap grew by {afterStream - full} bytes while {StreamedNames - MaxEntries} names went through a full cache.");
        GC.KeepAlive(cache);
    }

    private static bool IsMono => Type.GetType("Mono.Runtime") is not null;

    private static async Task Stream(CachingDnsResolver cache, int first, int end)
    {
        for (int index = first; index < end; index++)
        {
            await cache.ResolveAsync($"name{index}.example.com", DnsQueryType.Txt);
        }
    }

    private static long MeasureHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
