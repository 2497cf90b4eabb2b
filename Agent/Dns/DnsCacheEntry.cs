using System;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// A cached lookup result and the clock reading at which it expires.
/// </summary>
internal sealed class DnsCacheEntry
{
    public DnsCacheEntry(DnsCacheKey key, DnsLookupResult result, TimeSpan expiresAt)
    {
        Key = key;
        Result = result;
        ExpiresAt = expiresAt;
        CompletedTask = Task.FromResult(result);
    }

    public DnsCacheKey Key { get; }

    /// <summary>The result, already marked as served from the cache.</summary>
    public DnsLookupResult Result { get; }

    public TimeSpan ExpiresAt { get; }

    /// <summary>A completed task of <see cref="Result"/>, which every cache hit returns, so a hit allocates nothing.</summary>
    public Task<DnsLookupResult> CompletedTask { get; }
}
