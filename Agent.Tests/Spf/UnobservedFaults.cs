using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Collects the unobserved task exceptions that carry a marker message, for tests of abandoned tasks.
/// </summary>
internal static class UnobservedFaults
{
    /// <summary>
    /// Runs <paramref name="abandon"/>, forces garbage collection, and returns the unobserved exceptions that
    /// mention <paramref name="marker"/> anywhere, wrapped ones included.
    /// </summary>
    /// <remarks>
    /// <paramref name="abandon"/> should call a method marked not to be inlined that faults the abandoned task
    /// before it returns, so that no reference to the task survives until the collection. A fault raised later
    /// is not seen.
    /// </remarks>
    public static async Task<IReadOnlyCollection<Exception>> CollectAsync(string marker, Func<Task> abandon)
    {
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, arguments) =>
        {
            if (arguments.Exception.ToString().IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                unobserved.Enqueue(arguments.Exception);
            }
        };

        TaskScheduler.UnobservedTaskException += handler;
        try
        {
            await abandon();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= handler;
        }

        return unobserved.ToArray();
    }
}
