using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Positive controls for <see cref="UnobservedFaults"/>: a fault that is really dropped must be reported, so that
/// the tests that expect none can fail.
/// </summary>
public sealed class UnobservedFaultsTests
{
    [UnobservedTaskFact]
    public async Task DroppedFaultIsCollected()
    {
        string marker = "dropped fault " + Guid.NewGuid().ToString("N");

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(marker, () => DropFault(marker));

        Assert.NotEmpty(unobserved);
    }

    [UnobservedTaskFact]
    public async Task WrappedFaultIsCollected()
    {
        string marker = "wrapped fault " + Guid.NewGuid().ToString("N");

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(marker, () => DropWrappedFault(marker));

        Assert.NotEmpty(unobserved);
    }

    [UnobservedTaskFact]
    public async Task OtherFaultIsIgnored()
    {
        string marker = "expected marker " + Guid.NewGuid().ToString("N");

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(
            marker, () => DropFault("another fault " + Guid.NewGuid().ToString("N")));

        Assert.Empty(unobserved);
    }

    // Not inlined, so that no reference to the faulted task outlives this call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task DropFault(string message)
    {
        var source = new TaskCompletionSource<int>();
        source.SetException(new InvalidOperationException(message));
        return Task.CompletedTask;
    }

    // The continuation rethrows the fault inside an AggregateException, and nothing observes the continuation.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task DropWrappedFault(string message)
    {
        var source = new TaskCompletionSource<int>();
        _ = source.Task.ContinueWith(
            completed => completed.Result,
            TaskContinuationOptions.ExecuteSynchronously);
        source.SetException(new InvalidOperationException(message));
        return Task.CompletedTask;
    }
}
