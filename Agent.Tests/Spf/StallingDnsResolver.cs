using System;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Wraps a resolver and delays the lookups of one name, or of every name, while ignoring the cancellation token,
/// as a resolver that breaks the <see cref="IDnsResolver"/> contract would.
/// </summary>
internal sealed class StallingDnsResolver : IDnsResolver
{
    private readonly IDnsResolver _inner;
    private readonly TimeSpan _delay;
    private readonly string? _stalledName;
    private readonly bool _blockThread;

    /// <param name="inner">The resolver that supplies the answers.</param>
    /// <param name="delay">How long each stalled lookup takes.</param>
    /// <param name="stalledName">The name whose lookups are delayed, or null to delay every lookup.</param>
    /// <param name="blockThread">
    /// True to block the calling thread before returning a completed task, false to return a task that
    /// completes after the delay.
    /// </param>
    public StallingDnsResolver(IDnsResolver inner, TimeSpan delay, string? stalledName = null, bool blockThread = false)
    {
        _inner = inner;
        _delay = delay;
        _stalledName = stalledName;
        _blockThread = blockThread;
    }

    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        if (_stalledName is not null && !string.Equals(name, _stalledName, StringComparison.OrdinalIgnoreCase))
        {
            return _inner.ResolveAsync(name, type, CancellationToken.None);
        }

        if (_blockThread)
        {
            Thread.Sleep(_delay);
            return _inner.ResolveAsync(name, type, CancellationToken.None);
        }

        return StallAsync(name, type);
    }

    private async Task<DnsLookupResult> StallAsync(string name, DnsQueryType type)
    {
        await Task.Delay(_delay, CancellationToken.None).ConfigureAwait(false);
        return await _inner.ResolveAsync(name, type, CancellationToken.None).ConfigureAwait(false);
    }
}
