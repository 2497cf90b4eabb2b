using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class TaskWaiterTests
{
    [Fact]
    public async Task WaitAsync_ReturnsResultBeforeCancellation()
    {
        var source = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();

        Task<int> waiting = TaskWaiter.WaitAsync(source.Task, cancellation.Token).AsTask();
        source.SetResult(7);

        Assert.Equal(7, await waiting);
    }

    [Fact]
    public async Task WaitAsync_ThrowsWhenTokenFiresFirst()
    {
        var source = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();

        Task<int> waiting = TaskWaiter.WaitAsync(source.Task, cancellation.Token).AsTask();
        cancellation.Cancel();

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.False(source.Task.IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_PropagatesFaultOfTask()
    {
        var source = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();

        Task<int> waiting = TaskWaiter.WaitAsync(source.Task, cancellation.Token).AsTask();
        source.SetException(new InvalidOperationException("lookup failed"));

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Equal("lookup failed", exception.Message);
    }

    [Fact]
    public async Task WaitAsync_ReturnsCompletedTaskDespiteCancelledToken()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        int result = await TaskWaiter.WaitAsync(Task.FromResult(7), cancellation.Token);

        Assert.Equal(7, result);
    }

    [UnobservedTaskFact]
    public async Task WaitAsync_ObservesFaultOfAbandonedTask()
    {
        string marker = "abandoned lookup " + Guid.NewGuid().ToString("N");

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(
            marker, () => AbandonThenFaultAsync(marker));

        Assert.Empty(unobserved);
    }

    // Not inlined, so that no reference to the abandoned task outlives this call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task AbandonThenFaultAsync(string message)
    {
        var source = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();
        Task<int> waiting = TaskWaiter.WaitAsync(source.Task, cancellation.Token).AsTask();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        source.SetException(new InvalidOperationException(message));
    }
}
