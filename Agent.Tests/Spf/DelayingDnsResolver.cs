using System;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Wraps a resolver, waiting before each answer and optionally marking answers as served from a cache.
/// </summary>
internal sealed class DelayingDnsResolver : IDnsResolver
{
    private readonly IDnsResolver _inner;
    private readonly TimeSpan _delay;
    private readonly bool _markCached;

    public DelayingDnsResolver(IDnsResolver inner, TimeSpan delay, bool markCached = false)
    {
        _inner = inner;
        _delay = delay;
        _markCached = markCached;
    }

    public async Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, cancellationToken).ConfigureAwait(false);
        }

        DnsLookupResult answer = await _inner.ResolveAsync(name, type, cancellationToken).ConfigureAwait(false);
        return _markCached ? answer.AsCached() : answer;
    }
}
