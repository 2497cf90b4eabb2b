using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// A pass-through resolver that records every lookup and its result.
/// </summary>
public sealed class RecordingDnsResolver : IDnsResolver
{
    private readonly IDnsResolver _inner;
    private readonly ConcurrentQueue<(string Name, DnsQueryType Type, DnsLookupResult Result)> _lookups = new();

    public RecordingDnsResolver(IDnsResolver inner)
    {
        _inner = inner;
    }

    public IReadOnlyList<(string Name, DnsQueryType Type, DnsLookupResult Result)> Lookups => _lookups.ToList();

    public async Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        DnsLookupResult result = await _inner.ResolveAsync(name, type, cancellationToken);
        _lookups.Enqueue((name, type, result));
        return result;
    }
}
