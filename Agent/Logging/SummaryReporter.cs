using System;
using System.Threading;
using NLog;

namespace ExchangeSpfAgent.Logging;

/// <summary>Writes the counts of <see cref="DecisionCounters"/> to the diagnostic log at a fixed interval.</summary>
internal sealed class SummaryReporter : IDisposable
{
    private readonly Logger _logger;
    private readonly DecisionCounters _counters;
    private readonly Func<string>? _details;
    private readonly Timer _timer;

    /// <summary>
    /// Creates the reporter, stopped; <paramref name="details"/> returns more counts for the summary line, such as
    /// the DNS cache's, or is null.
    /// </summary>
    public SummaryReporter(Logger logger, DecisionCounters counters, Func<string>? details)
    {
        _logger = logger;
        _counters = counters;
        _details = details;
        _timer = new Timer(_ => WriteFromTimer(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Sets the interval; zero stops the summaries.</summary>
    public void SetInterval(TimeSpan interval)
    {
        TimeSpan period = interval > TimeSpan.Zero ? interval : Timeout.InfiniteTimeSpan;
        _timer.Change(period, period);
    }

    /// <summary>Writes the counts since the previous summary and resets them.</summary>
    public void Write()
    {
        DecisionCountsSnapshot snapshot = _counters.TakeSnapshot();
        string details = _details?.Invoke() ?? string.Empty;
        _logger.Info(
            "Summary since {Since:u}: {Messages} messages; results {Results}; actions {Actions}; "
                + "{Errors} unexpected errors. {Details}",
            snapshot.Start.UtcDateTime,
            snapshot.Messages,
            DecisionCountsSnapshot.Format(snapshot.Results),
            DecisionCountsSnapshot.Format(snapshot.Actions),
            snapshot.Errors,
            details);
    }

    public void Dispose() => _timer.Dispose();

    private void WriteFromTimer()
    {
        // A timer thread is a boundary: an exception escaping it would end the Exchange worker process.
#pragma warning disable CA1031
        try
        {
            Write();
        }
        catch (Exception exception)
        {
            _logger.Error(exception, "Unexpected error while writing the summary of counts.");
        }
#pragma warning restore CA1031
    }
}
