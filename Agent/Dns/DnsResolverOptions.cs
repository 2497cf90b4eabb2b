using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// Settings of the DNS resolver: which servers to ask, how long to wait, and how the shared cache keeps answers.
/// </summary>
/// <remarks>
/// <see cref="DnsClientResolver"/> reads the server, timeout and retry settings, and
/// <see cref="CachingDnsResolver"/> reads the cache settings. Both call <see cref="Validate"/> in their constructors.
/// </remarks>
public sealed class DnsResolverOptions
{
    /// <summary>The default per-try query timeout: 3 seconds.</summary>
    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The default TTL ceiling: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaximumTimeToLive = TimeSpan.FromHours(1);

    /// <summary>The default time a temporary failure stays cached: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTemporaryFailureTimeToLive = TimeSpan.FromSeconds(10);

    /// <summary>The default number of retries after a try that timed out: 1.</summary>
    public const int DefaultRetries = 1;

    /// <summary>The default maximum number of cache entries: 10,000.</summary>
    public const int DefaultMaxCacheEntries = 10_000;

    // RFC 2308 §7.1: a server failure must not be cached for longer than five minutes.
    private static readonly TimeSpan s_maximumTemporaryFailureTimeToLive = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The DNS servers to query, in order of preference. Empty (the default) means the servers configured for the
    /// operating system.
    /// </summary>
    public IReadOnlyList<IPEndPoint> Servers { get; init; } = Array.Empty<IPEndPoint>();

    /// <summary>How long one try of a query waits for a response before it is retried or reported as a timeout.</summary>
    public TimeSpan QueryTimeout { get; init; } = DefaultQueryTimeout;

    /// <summary>How many times a query that timed out is sent again to each server. With 0 it is sent once.</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>The TTL floor: answers, NXDOMAIN and NODATA stay cached at least this long. Zero by default.</summary>
    public TimeSpan MinimumTimeToLive { get; init; } = TimeSpan.Zero;

    /// <summary>The TTL ceiling: answers, NXDOMAIN and NODATA stay cached at most this long.</summary>
    public TimeSpan MaximumTimeToLive { get; init; } = DefaultMaximumTimeToLive;

    /// <summary>
    /// How long a timeout, SERVFAIL, REFUSED or network error stays cached. Zero turns off caching of temporary
    /// failures. At most 5 minutes (RFC 2308 §7.1).
    /// </summary>
    public TimeSpan TemporaryFailureTimeToLive { get; init; } = DefaultTemporaryFailureTimeToLive;

    /// <summary>The maximum number of cached results. Beyond it the least recently used result is evicted.</summary>
    public int MaxCacheEntries { get; init; } = DefaultMaxCacheEntries;

    /// <summary>Checks that every setting is in range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (Servers is null)
        {
            throw new ArgumentException("Servers must not be null; use an empty list for the system's DNS servers.");
        }

        foreach (IPEndPoint? server in Servers)
        {
            if (server is null || server.Port == 0)
            {
                throw new ArgumentException(
                    $"Servers contains an invalid end point '{server}'; each server needs an address and a port.");
            }
        }

        RequirePositive(QueryTimeout, nameof(QueryTimeout));

        if (Retries < 0)
        {
            throw new ArgumentException($"Retries is {Retries}; it must be 0 or more.");
        }

        RequireNotNegative(MinimumTimeToLive, nameof(MinimumTimeToLive));
        RequireNotNegative(MaximumTimeToLive, nameof(MaximumTimeToLive));
        if (MinimumTimeToLive > MaximumTimeToLive)
        {
            throw new ArgumentException(
                $"MinimumTimeToLive ({MinimumTimeToLive}) is greater than MaximumTimeToLive ({MaximumTimeToLive}).");
        }

        RequireNotNegative(TemporaryFailureTimeToLive, nameof(TemporaryFailureTimeToLive));
        if (TemporaryFailureTimeToLive > s_maximumTemporaryFailureTimeToLive)
        {
            throw new ArgumentException(
                $"TemporaryFailureTimeToLive is {TemporaryFailureTimeToLive}; RFC 2308 allows at most " +
                $"{s_maximumTemporaryFailureTimeToLive} for a server failure.");
        }

        if (MaxCacheEntries < 1)
        {
            throw new ArgumentException($"MaxCacheEntries is {MaxCacheEntries}; it must be 1 or more.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} is {value}; it must be greater than zero.");
        }
    }

    private static void RequireNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} is {value}; it must not be negative.");
        }
    }
}
