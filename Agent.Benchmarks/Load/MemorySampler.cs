using System;
using System.Threading;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// Samples the managed heap size on a thread of its own while the load runs, to find its peak.
/// </summary>
/// <remarks>
/// The sample is <see cref="GC.GetTotalMemory(bool)"/> without a collection, so the peak includes garbage that
/// the next collection frees: it is the heap's high-water mark, not the live data.
/// </remarks>
public sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(5);

    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peak;

    /// <summary>Starts sampling.</summary>
    public MemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>The largest heap size sampled so far, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Stops sampling and waits for the sampling thread to end.</summary>
    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    /// <summary>Takes one sample now, so a peak between two samples is not missed at a phase boundary.</summary>
    public void SampleNow()
    {
        long current = GC.GetTotalMemory(forceFullCollection: false);
        long seen = Interlocked.Read(ref _peak);
        while (current > seen)
        {
            long previous = Interlocked.CompareExchange(ref _peak, current, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    private void Sample()
    {
        while (!_stopping)
        {
            SampleNow();
            Thread.Sleep(s_interval);
        }
    }
}
