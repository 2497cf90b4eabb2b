using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// The process-wide DNS cache: an <see cref="IDnsResolver"/> decorator that keeps results for their TTL and lets
/// identical concurrent lookups share one query.
/// </summary>
/// <remarks>
/// <para>
/// This class is the only cache of the agent, and <see cref="DnsClientResolver"/> turns DnsClient's cache off. Create one
/// instance per process around one <see cref="DnsClientResolver"/> and share it between all evaluations.
/// </para>
/// <para>
/// Answers are kept for their TTL, NXDOMAIN and NODATA for the negative TTL that the inner resolver reports
/// (RFC 2308 §5), both within <see cref="DnsResolverOptions.MinimumTimeToLive"/> and
/// <see cref="DnsResolverOptions.MaximumTimeToLive"/>. Temporary failures are kept for
/// <see cref="DnsResolverOptions.TemporaryFailureTimeToLive"/>, or not at all when it is zero. Beyond
/// <see cref="DnsResolverOptions.MaxCacheEntries"/> the least recently used result is evicted.
/// </para>
/// <para>
/// A lookup that misses the cache while an identical one (same name, ignoring ASCII case, and type) is in flight
/// waits for that one. The query itself runs without the callers' cancellation tokens, so a caller that gives up
/// does not cancel it for the others, and its result is still cached. Its duration is bounded by the inner
/// resolver's timeouts and retries.
/// </para>
/// </remarks>
public sealed class CachingDnsResolver : IDnsResolver
{
    private static readonly Stopwatch s_systemClock = Stopwatch.StartNew();

    private readonly IDnsResolver _inner;
    private readonly Func<TimeSpan> _clock;
    private readonly TimeSpan _minimumTimeToLive;
    private readonly TimeSpan _maximumTimeToLive;
    private readonly TimeSpan _temporaryFailureTimeToLive;
    private readonly DnsStatisticsCounters _counters = new();

    // Guards _cache and _inFlight together, so a lookup finds a result either in the cache or in flight.
    private readonly object _sync = new();
    private readonly DnsLruCache _cache;
    private readonly Dictionary<DnsCacheKey, Task<DnsLookupResult>> _inFlight = new();

    /// <summary>Creates the cache around <paramref name="inner"/> with the cache settings of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    public CachingDnsResolver(IDnsResolver inner, DnsResolverOptions options)
        : this(inner, options, () => s_systemClock.Elapsed)
    {
    }

    /// <summary>Creates the cache with a monotonic <paramref name="clock"/>, for tests that control time.</summary>
    internal CachingDnsResolver(IDnsResolver inner, DnsResolverOptions options, Func<TimeSpan> clock)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _minimumTimeToLive = options.MinimumTimeToLive;
        _maximumTimeToLive = options.MaximumTimeToLive;
        _temporaryFailureTimeToLive = options.TemporaryFailureTimeToLive;
        _cache = new DnsLruCache(options.MaxCacheEntries);
    }

    /// <summary>The number of results in the cache, expired ones that were not yet read or evicted included.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _cache.Count;
            }
        }
    }

    /// <summary>A snapshot of the counters since this resolver was created.</summary>
    public DnsResolverStatistics Statistics => _counters.Snapshot(Count);

    /// <inheritdoc/>
    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DnsLookupResult>(cancellationToken);
        }

        var key = new DnsCacheKey(name, type);
        Task<DnsLookupResult>? pending;
        TaskCompletionSource<DnsLookupResult>? owned = null;
        lock (_sync)
        {
            DnsCacheEntry? cached = _cache.Get(key, _clock());
            if (cached is not null)
            {
                _counters.RecordCacheHit(cached.Result);
                return cached.CompletedTask;
            }

            if (!_inFlight.TryGetValue(key, out pending))
            {
                owned = new TaskCompletionSource<DnsLookupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                pending = owned.Task;
                _inFlight.Add(key, pending);
            }
        }

        if (owned is null)
        {
            _counters.RecordSharedLookup();
        }
        else
        {
            _counters.RecordQuerySent();
            _ = QueryAndStoreAsync(key, name, type, owned);
        }

        return WaitForQueryAsync(pending, cancellationToken);
    }

    /// <summary>Removes every cached result, for example after the DNS servers were changed.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _cache.Clear();
        }
    }

    private async Task<DnsLookupResult> WaitForQueryAsync(
        Task<DnsLookupResult> pending,
        CancellationToken cancellationToken)
    {
        DnsLookupResult result = await TaskWaiter.WaitAsync(pending, cancellationToken);
        _counters.RecordNetworkResult(result);
        return result;
    }

    private async Task QueryAndStoreAsync(
        DnsCacheKey key,
        string name,
        DnsQueryType type,
        TaskCompletionSource<DnsLookupResult> completion)
    {
        DnsLookupResult result;
        try
        {
            result = await _inner.ResolveAsync(name, type, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // No caller token reaches the inner resolver, so a cancellation can only be its own timeout.
            result = DnsLookupResult.TemporaryFailure(DnsFailureReasons.Timeout);
        }
        catch (Exception exception)
        {
            // The inner resolver broke its contract, so every waiting caller gets the exception and nothing is cached.
            lock (_sync)
            {
                _inFlight.Remove(key);
            }

            completion.TrySetException(exception);
            return;
        }

        TimeSpan lifetime = CacheLifetime(result);
        lock (_sync)
        {
            if (lifetime > TimeSpan.Zero)
            {
                _counters.RecordEvictions(_cache.Set(key, result.AsCached(), _clock() + lifetime));
            }

            _inFlight.Remove(key);
        }

        completion.TrySetResult(result);
    }

    private TimeSpan CacheLifetime(DnsLookupResult result)
    {
        if (result.Status == DnsResponseStatus.TemporaryFailure)
        {
            return _temporaryFailureTimeToLive;
        }

        TimeSpan timeToLive = result.TimeToLive;
        if (timeToLive < _minimumTimeToLive)
        {
            return _minimumTimeToLive;
        }

        return timeToLive > _maximumTimeToLive ? _maximumTimeToLive : timeToLive;
    }
}
