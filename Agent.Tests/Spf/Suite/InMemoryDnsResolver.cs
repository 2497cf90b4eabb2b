using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// A resolver that answers from <see cref="SpfZoneData"/> with the conventions of the SPF test suite.
/// </summary>
/// <remarks>
/// A name absent from the zone data is NXDOMAIN, except names starting with "error.", which time out.
/// A TIMEOUT entry makes every type without a real entry before it time out. CNAME entries are followed
/// for every type; a loop or a chain longer than <see cref="MaxCnameChain"/> is a temporary failure, as a
/// recursive server reports SERVFAIL for it. Every query is recorded in <see cref="Queries"/>.
/// </remarks>
public sealed class InMemoryDnsResolver : IDnsResolver
{
    /// <summary>The longest CNAME chain followed before the lookup fails.</summary>
    public const int MaxCnameChain = 8;

    private static readonly TimeSpan s_recordTtl = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_negativeTtl = TimeSpan.FromMinutes(5);

    private readonly SpfZoneData _zone;
    private readonly ConcurrentQueue<(string Name, DnsQueryType Type)> _queries = new();

    public InMemoryDnsResolver(SpfZoneData zone)
    {
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>The queries received, in order.</summary>
    public IReadOnlyList<(string Name, DnsQueryType Type)> Queries => _queries.ToList();

    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _queries.Enqueue((name, type));
        return Task.FromResult(Resolve(name, type));
    }

    private DnsLookupResult Resolve(string name, DnsQueryType type)
    {
        string current = name.TrimEnd('.');
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int step = 0; step <= MaxCnameChain; step++)
        {
            if (!visited.Add(current))
            {
                return DnsLookupResult.TemporaryFailure("CNAME loop");
            }

            if (!_zone.Contains(current))
            {
                return current.StartsWith("error.", StringComparison.OrdinalIgnoreCase)
                    ? DnsLookupResult.TemporaryFailure("timeout")
                    : DnsLookupResult.NxDomain(s_negativeTtl);
            }

            IReadOnlyList<ZoneEntry> entries = _zone.EffectiveEntries(current);
            ZoneEntry? alias = entries.FirstOrDefault(entry => entry.Type == "CNAME" && !entry.IsNone);
            if (alias is null)
            {
                return Answer(entries, type);
            }

            current = alias.Values[0].TrimEnd('.');
        }

        return DnsLookupResult.TemporaryFailure("CNAME chain too long");
    }

    private static DnsLookupResult Answer(IReadOnlyList<ZoneEntry> entries, DnsQueryType type)
    {
        string wanted = type.ToString().ToUpperInvariant();
        var values = new List<string>();
        bool seen = false;
        foreach (ZoneEntry entry in entries)
        {
            if (entry.IsTimeout)
            {
                if (!seen)
                {
                    return DnsLookupResult.TemporaryFailure("timeout");
                }

                break;
            }

            if (entry.Type != wanted || entry.IsNone)
            {
                continue;
            }

            seen = true;
            values.Add(type switch
            {
                DnsQueryType.Txt => string.Concat(entry.Values),
                DnsQueryType.Mx => entry.Values[1].TrimEnd('.'),
                DnsQueryType.Ptr => entry.Values[0].TrimEnd('.'),
                _ => entry.Values[0],
            });
        }

        if (values.Count == 0)
        {
            return DnsLookupResult.NoData(s_negativeTtl);
        }

        return type is DnsQueryType.A or DnsQueryType.Aaaa
            ? DnsLookupResult.FromAddresses(values.Select(IPAddress.Parse).ToList(), s_recordTtl)
            : DnsLookupResult.FromStrings(values, s_recordTtl);
    }
}
