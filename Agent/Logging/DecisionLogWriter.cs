using System;
using NLog;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// Writes each decision as one CSV line to the decision log and counts it for the periodic summary.
/// </summary>
/// <remarks>
/// Thread-safe. Write errors are handled by NLog, which is configured never to throw, so a full disk or a locked
/// file never reaches the transport thread.
/// </remarks>
public sealed class DecisionLogWriter : IDecisionLog
{
    private readonly Logger _logger;
    private readonly DecisionCounters _counters;

    internal DecisionLogWriter(Logger logger, DecisionCounters counters)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
    }

    /// <summary>Counts the decision and writes its line, unless the decision log is turned off.</summary>
    public void Write(DecisionRecord record)
    {
        if (record is null)
        {
            return;
        }

        _counters.Record(record);
        if (!_logger.IsInfoEnabled)
        {
            return;
        }

        // The line goes in as a message without parameters, so NLog never reads its braces as a template.
        _logger.Log(new LogEventInfo(LogLevel.Info, _logger.Name, DecisionLogFormat.FormatLine(record)));
    }
}
