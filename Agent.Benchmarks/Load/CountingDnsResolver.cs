using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// Counts every lookup that reaches the network resolver, by name and type. Placed between the shared cache and
/// <see cref="Dns.DnsClientResolver"/>, it counts exactly the queries that the cache sends to the DNS server.
/// </summary>
public sealed class CountingDnsResolver : IDnsResolver
{
    private readonly IDnsResolver _inner;
    private readonly ConcurrentDictionary<DnsLookup, int> _counts = new();
    private long _total;

    /// <summary>Creates the counter in front of <paramref name="inner"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public CountingDnsResolver(IDnsResolver inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    /// <summary>The number of queries sent so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>The number of distinct name and type pairs queried so far.</summary>
    public int Distinct => _counts.Count;

    /// <summary>Returns the lookups that were sent more than once, with their counts.</summary>
    public IReadOnlyList<KeyValuePair<DnsLookup, int>> Repeated() =>
        _counts.Where(entry => entry.Value > 1).OrderByDescending(entry => entry.Value).ToList();

    /// <summary>Returns the distinct lookups sent so far.</summary>
    public IReadOnlyCollection<DnsLookup> Sent() => _counts.Keys.ToList();

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

        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate(DnsLookup.Of(name, type), 1, (_, count) => count + 1);
        return _inner.ResolveAsync(name, type, cancellationToken);
    }
}
