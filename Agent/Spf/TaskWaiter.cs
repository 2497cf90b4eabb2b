using System;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Waits for a task until a cancellation token fires, even when the code behind the task ignores that token.
/// </summary>
/// <remarks>
/// .NET Framework 4.8 has no <c>Task.WaitAsync(CancellationToken)</c>, so this races the task against a
/// task that the token completes.
/// </remarks>
internal static class TaskWaiter
{
    /// <summary>
    /// Returns the result of <paramref name="task"/>, or throws when <paramref name="cancellationToken"/> fires
    /// first. An abandoned task keeps running, and a later fault of it is observed so that it is not reported
    /// as an unobserved task exception.
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> fired before <paramref name="task"/> completed.
    /// </exception>
    public static async SpfTask<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(
            state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            Task first = await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            if (first != task)
            {
                ObserveFault(task);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }

    private static void ObserveFault(Task task) =>
        task.ContinueWith(
            completed => _ = completed.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
