using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// A test resolver that returns the inner resolver's results after a delay that honours the token, and records the
/// token of each lookup. A lookup of the stalled name waits until its token is cancelled.
/// </summary>
internal sealed class TokenRecordingDnsResolver : IDnsResolver
{
    private readonly IDnsResolver _inner;
    private readonly TimeSpan _delay;
    private readonly string? _stalledName;
    private readonly List<CancellationToken> _tokens = new();

    public TokenRecordingDnsResolver(IDnsResolver inner, TimeSpan delay, string? stalledName = null)
    {
        _inner = inner;
        _delay = delay;
        _stalledName = stalledName;
    }

    /// <summary>The tokens of the lookups so far, in order.</summary>
    public IReadOnlyList<CancellationToken> Tokens
    {
        get
        {
            lock (_tokens)
            {
                return _tokens.ToArray();
            }
        }
    }

    public async Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        lock (_tokens)
        {
            _tokens.Add(cancellationToken);
        }

        bool stalled = string.Equals(name, _stalledName, StringComparison.OrdinalIgnoreCase);
        await Task.Delay(stalled ? Timeout.InfiniteTimeSpan : _delay, cancellationToken).ConfigureAwait(false);
        return await _inner.ResolveAsync(name, type, cancellationToken).ConfigureAwait(false);
    }
}
