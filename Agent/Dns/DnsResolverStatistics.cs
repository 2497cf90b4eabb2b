namespace ExchangeSpfAgent.Dns;

/// <summary>
/// A snapshot of the counters of a <see cref="CachingDnsResolver"/> since it was created.
/// </summary>
/// <remarks>
/// Every lookup counts once in exactly one of <see cref="QueriesSent"/>, <see cref="SharedLookups"/> and
/// <see cref="CacheHits"/>. The counters are read one by one without a lock, so a snapshot taken while lookups
/// run may be off by the lookups that finished during the read.
/// </remarks>
public sealed class DnsResolverStatistics
{
    internal DnsResolverStatistics(
        long queriesSent,
        long sharedLookups,
        long cacheHits,
        long negativeCacheHits,
        long timeouts,
        long failures,
        long evictions,
        int cacheEntries)
    {
        QueriesSent = queriesSent;
        SharedLookups = sharedLookups;
        CacheHits = cacheHits;
        NegativeCacheHits = negativeCacheHits;
        Timeouts = timeouts;
        Failures = failures;
        Evictions = evictions;
        CacheEntries = cacheEntries;
    }

    /// <summary>Lookups that missed the cache and were sent to the DNS servers.</summary>
    public long QueriesSent { get; }

    /// <summary>Lookups that missed the cache and waited for an identical lookup already in flight.</summary>
    public long SharedLookups { get; }

    /// <summary>Lookups served from the cache, including cached NXDOMAIN, NODATA and temporary failures.</summary>
    public long CacheHits { get; }

    /// <summary>The part of <see cref="CacheHits"/> that returned a cached NXDOMAIN or NODATA.</summary>
    public long NegativeCacheHits { get; }

    /// <summary>Lookups sent or shared whose result was a timeout.</summary>
    public long Timeouts { get; }

    /// <summary>Lookups sent or shared whose result was another temporary failure (SERVFAIL, REFUSED, network error).</summary>
    public long Failures { get; }

    /// <summary>Cache entries removed to stay within <see cref="DnsResolverOptions.MaxCacheEntries"/>.</summary>
    public long Evictions { get; }

    /// <summary>The number of results in the cache when the snapshot was taken, expired ones included.</summary>
    public int CacheEntries { get; }

    /// <summary>All lookups: the sum of <see cref="QueriesSent"/>, <see cref="SharedLookups"/> and <see cref="CacheHits"/>.</summary>
    public long Lookups => QueriesSent + SharedLookups + CacheHits;
}
