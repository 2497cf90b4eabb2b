using System;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// The figures of one part of a load run.
/// </summary>
public sealed class PhaseResult
{
    /// <summary>The name of the part, such as "cold start" or "main 2/5".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The messages that completed.</summary>
    public int Messages { get; init; }

    /// <summary>The wall-clock time of the part, from the first message to the last.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The per-message latency percentiles.</summary>
    public LatencySummary Latency { get; init; } = LatencySummary.FromTicks(Array.Empty<long>(), 0);

    /// <summary>The lookups that the evaluations sent to the shared cache.</summary>
    public long Lookups { get; init; }

    /// <summary>The lookups that the cache served from memory.</summary>
    public long CacheHits { get; init; }

    /// <summary>The lookups that waited for an identical lookup already in flight.</summary>
    public long SharedLookups { get; init; }

    /// <summary>The queries that the cache sent to the DNS server.</summary>
    public long NetworkQueries { get; init; }

    /// <summary>The messages whose decision, result or lookup count differed from the record tree's.</summary>
    public int Failures { get; init; }

    /// <summary>The first failure, described, or null.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>The managed heap after a full collection at the end of the part, in bytes.</summary>
    public long LiveBytesAfter { get; set; }

    /// <summary>The thread pool's threads at the end of the part; each new thread adds some live memory.</summary>
    public int ThreadPoolThreads { get; init; }

    /// <summary>The cache entries at the end of the part.</summary>
    public int CacheEntriesAfter { get; init; }

    /// <summary>Messages per second of wall-clock time.</summary>
    public double MessagesPerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : 0;

    /// <summary>The share of lookups that the cache served from memory.</summary>
    public double CacheHitRate => Lookups > 0 ? (double)CacheHits / Lookups : 0;
}
