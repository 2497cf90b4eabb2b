using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// An inner resolver that returns one result for every lookup and keeps no state, for measuring the cache alone.
/// </summary>
public sealed class ConstantDnsResolver : IDnsResolver
{
    private readonly Task<DnsLookupResult> _result;

    public ConstantDnsResolver(DnsLookupResult result)
    {
        _result = Task.FromResult(result);
    }

    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default) => _result;
}
