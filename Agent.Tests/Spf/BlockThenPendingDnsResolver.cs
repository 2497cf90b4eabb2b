using System;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// A resolver that blocks the calling thread, then returns an incomplete task that the test completes later.
/// It ignores the cancellation token, as a resolver that breaks the <see cref="IDnsResolver"/> contract would.
/// </summary>
internal sealed class BlockThenPendingDnsResolver : IDnsResolver
{
    private readonly TimeSpan _block;
    private readonly CancellationTokenSource? _cancelOnCall;

    /// <param name="block">How long each call blocks before it returns the task.</param>
    /// <param name="cancelOnCall">A source that each call cancels before it blocks, or null.</param>
    public BlockThenPendingDnsResolver(TimeSpan block, CancellationTokenSource? cancelOnCall = null)
    {
        _block = block;
        _cancelOnCall = cancelOnCall;
    }

    /// <summary>The source of the task that every call returns.</summary>
    public TaskCompletionSource<DnsLookupResult> Pending { get; } = new();

    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        _cancelOnCall?.Cancel();
        Thread.Sleep(_block);
        return Pending.Task;
    }
}
