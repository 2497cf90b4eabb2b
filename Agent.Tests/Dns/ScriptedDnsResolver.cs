using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// An inner resolver for cache tests: returns the result set for a name and type, counts the calls per name
/// and type, and can hold every lookup until a test releases it.
/// </summary>
public sealed class ScriptedDnsResolver : IDnsResolver
{
    private readonly ConcurrentDictionary<string, DnsLookupResult> _results = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource<bool>? _gate;

    /// <summary>The result for names without one of their own: NXDOMAIN cached for 60 seconds.</summary>
    public DnsLookupResult DefaultResult { get; set; } = DnsLookupResult.NxDomain(TimeSpan.FromSeconds(60));

    /// <summary>An exception that every lookup throws instead of returning a result, or null.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The total number of lookups received.</summary>
    public int TotalCalls => _calls.Values.Sum();

    public void Set(string name, DnsQueryType type, DnsLookupResult result) => _results[Key(name, type)] = result;

    public int CallsFor(string name, DnsQueryType type) =>
        _calls.TryGetValue(Key(name, type), out int count) ? count : 0;

    /// <summary>Makes every later lookup wait until <see cref="Release"/> is called.</summary>
    public void Hold() => _gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult(true);

    public async Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        string key = Key(name, type);
        _calls.AddOrUpdate(key, 1, (_, count) => count + 1);
        if (_gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return _results.TryGetValue(key, out DnsLookupResult? result) ? result : DefaultResult;
    }

    private static string Key(string name, DnsQueryType type) => name.TrimEnd('.') + " " + type;
}
