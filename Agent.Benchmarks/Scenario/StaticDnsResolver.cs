using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// An in-memory authoritative resolver for the in-process benchmarks: every result is built once from the zone
/// records, so a lookup costs one dictionary read and never touches the network.
/// </summary>
/// <remarks>
/// A name with records but none of the requested type is NODATA, and a name without records is NXDOMAIN, both
/// with the zone's negative TTL.
/// </remarks>
public sealed class StaticDnsResolver : IDnsResolver
{
    private static readonly TimeSpan s_timeToLive = TimeSpan.FromSeconds(BenchmarkZone.TimeToLiveSeconds);

    private readonly Dictionary<DnsLookup, Task<DnsLookupResult>> _answers = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Task<DnsLookupResult> _noData = Task.FromResult(DnsLookupResult.NoData(s_timeToLive));
    private readonly Task<DnsLookupResult> _nxDomain = Task.FromResult(DnsLookupResult.NxDomain(s_timeToLive));

    /// <summary>Creates the resolver from <paramref name="records"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public StaticDnsResolver(IEnumerable<ZoneRecord> records)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        IEnumerable<IGrouping<DnsLookup, ZoneRecord>> groups =
            records.GroupBy(record => DnsLookup.Of(record.Name, record.Type));
        foreach (IGrouping<DnsLookup, ZoneRecord> group in groups)
        {
            _names.Add(group.Key.Name);
            _answers[group.Key] = Task.FromResult(ToResult(group.Key.Type, group.ToList()));
        }
    }

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

        cancellationToken.ThrowIfCancellationRequested();
        DnsLookup lookup = DnsLookup.Of(name, type);
        if (_answers.TryGetValue(lookup, out Task<DnsLookupResult>? answer))
        {
            return answer;
        }

        return _names.Contains(lookup.Name) ? _noData : _nxDomain;
    }

    private static DnsLookupResult ToResult(DnsQueryType type, List<ZoneRecord> records)
    {
        if (type is DnsQueryType.A or DnsQueryType.Aaaa)
        {
            List<IPAddress> addresses = records.Select(record => IPAddress.Parse(record.Data)).ToList();
            return DnsLookupResult.FromAddresses(addresses, s_timeToLive);
        }

        // MX exchanges in preference order, as a resolver's caller would sort them.
        IEnumerable<ZoneRecord> ordered = type == DnsQueryType.Mx
            ? records.OrderBy(record => record.Preference)
            : records;
        return DnsLookupResult.FromStrings(ordered.Select(record => record.Data).ToList(), s_timeToLive);
    }
}
