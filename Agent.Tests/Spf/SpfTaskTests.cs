using System;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// <see cref="SpfTask{T}"/> and its builder: results, exceptions and cancellation, with and without suspension.
/// </summary>
public sealed class SpfTaskTests
{
    [Fact]
    public async Task SynchronousResultIsCompleted()
    {
        SpfTask<int> task = ReturnAsync(7);

        Assert.True(task.IsCompleted);
        Assert.Equal(7, await task);
    }

    [Fact]
    public async Task SuspendedResultArrivesLater()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        SpfTask<int> task = AddOneAsync(source.Task);
        Assert.False(task.IsCompleted);
        source.SetResult(41);

        Assert.Equal(42, await task);
    }

    [Fact]
    public async Task NestedSuspensionPropagatesResult()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> outer = AddOneNestedAsync(source.Task).AsTask();
        source.SetResult(1);

        Assert.Equal(3, await outer);
    }

    [Fact]
    public async Task SynchronousExceptionSurfacesAtAwait()
    {
        SpfTask<int> task = ThrowAsync(new InvalidOperationException("broken"));

        Assert.True(task.IsCompleted);
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => task.AsTask());
        Assert.Equal("broken", error.Message);
    }

    [Fact]
    public async Task SuspendedExceptionSurfacesAtAwait()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> task = AddOneAsync(source.Task).AsTask();
        source.SetException(new InvalidOperationException("late"));

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => task);
        Assert.Equal("late", error.Message);
    }

    [Fact]
    public async Task CancellationMarksTaskCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Task<int> task = ThrowAsync(new OperationCanceledException(cancellation.Token)).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task KnownResultConvertsToTask()
    {
        Task<string> task = new SpfTask<string>("done").AsTask();

        Assert.True(task.IsCompleted);
        Assert.Equal("done", await task);
    }

    [Fact]
    public void NullTaskIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new SpfTask<int>(null!));
    }

#pragma warning disable CS1998 // The methods test the builder when nothing is awaited.
    private static async SpfTask<int> ReturnAsync(int value) => value;

    private static async SpfTask<int> ThrowAsync(Exception exception) => throw exception;
#pragma warning restore CS1998

    private static async SpfTask<int> AddOneAsync(Task<int> source) => await source.ConfigureAwait(false) + 1;

    private static async SpfTask<int> AddOneNestedAsync(Task<int> source) => await AddOneAsync(source) + 1;
}
