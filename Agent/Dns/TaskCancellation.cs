using System;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// Waiting for a shared task with a caller's own cancellation token, as <c>Task.WaitAsync</c> does on .NET 6 and
/// later; .NET Framework 4.8 lacks it.
/// </summary>
internal static class TaskCancellation
{
    /// <summary>
    /// Returns the result of <paramref name="task"/>, or throws <see cref="OperationCanceledException"/> as soon as
    /// <paramref name="cancellationToken"/> is cancelled. The task itself keeps running.
    /// </summary>
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            Task first = await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            if (first != task)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
