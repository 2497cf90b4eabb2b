using System;
using System.Diagnostics;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// Percentiles of per-message latencies measured in <see cref="Stopwatch"/> ticks, reported in microseconds.
/// </summary>
public sealed class LatencySummary
{
    private LatencySummary(double p50, double p99, double max)
    {
        P50Microseconds = p50;
        P99Microseconds = p99;
        MaxMicroseconds = max;
    }

    /// <summary>The median latency.</summary>
    public double P50Microseconds { get; }

    /// <summary>The 99th percentile latency.</summary>
    public double P99Microseconds { get; }

    /// <summary>The largest latency.</summary>
    public double MaxMicroseconds { get; }

    /// <summary>
    /// Summarizes the first <paramref name="count"/> entries of <paramref name="ticks"/>, which it sorts in place.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="ticks"/> is null.</exception>
    public static LatencySummary FromTicks(long[] ticks, int count)
    {
        if (ticks is null)
        {
            throw new ArgumentNullException(nameof(ticks));
        }

        if (count == 0)
        {
            return new LatencySummary(0, 0, 0);
        }

        Array.Sort(ticks, 0, count);
        return new LatencySummary(
            ToMicroseconds(ticks[Rank(count, 0.50)]),
            ToMicroseconds(ticks[Rank(count, 0.99)]),
            ToMicroseconds(ticks[count - 1]));
    }

    // The nearest-rank percentile: the smallest value with at least the fraction of values at or below it.
    private static int Rank(int count, double fraction) =>
        Math.Clamp((int)Math.Ceiling(fraction * count) - 1, 0, count - 1);

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
