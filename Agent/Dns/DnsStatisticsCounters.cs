using System.Threading;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// The thread-safe counters behind <see cref="DnsResolverStatistics"/>.
/// </summary>
internal sealed class DnsStatisticsCounters
{
    private long _queriesSent;
    private long _sharedLookups;
    private long _cacheHits;
    private long _negativeCacheHits;
    private long _timeouts;
    private long _failures;
    private long _evictions;

    public void RecordCacheHit(DnsLookupResult result)
    {
        Interlocked.Increment(ref _cacheHits);
        if (result.Status is DnsResponseStatus.NxDomain or DnsResponseStatus.NoData)
        {
            Interlocked.Increment(ref _negativeCacheHits);
        }
    }

    public void RecordQuerySent() => Interlocked.Increment(ref _queriesSent);

    public void RecordSharedLookup() => Interlocked.Increment(ref _sharedLookups);

    /// <summary>Counts a temporary failure in a result that came from the network rather than the cache.</summary>
    public void RecordNetworkResult(DnsLookupResult result)
    {
        if (result.Status != DnsResponseStatus.TemporaryFailure)
        {
            return;
        }

        if (DnsFailureReasons.IsTimeout(result))
        {
            Interlocked.Increment(ref _timeouts);
        }
        else
        {
            Interlocked.Increment(ref _failures);
        }
    }

    public void RecordEvictions(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _evictions, count);
        }
    }

    public DnsResolverStatistics Snapshot(int cacheEntries) => new(
        Interlocked.Read(ref _queriesSent),
        Interlocked.Read(ref _sharedLookups),
        Interlocked.Read(ref _cacheHits),
        Interlocked.Read(ref _negativeCacheHits),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _failures),
        Interlocked.Read(ref _evictions),
        cacheEntries);
}
