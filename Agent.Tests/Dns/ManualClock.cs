using System;
using System.Threading;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// A monotonic clock that moves only when a test advances it.
/// </summary>
public sealed class ManualClock
{
    private long _ticks;

    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan interval) => Interlocked.Add(ref _ticks, interval.Ticks);

    public Func<TimeSpan> AsFunction() => () => Now;
}
