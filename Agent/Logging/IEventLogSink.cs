namespace ExchangeSpfAgent.Logging;

/// <summary>Where <see cref="EventLogWriter"/> puts entries that passed the rate limit.</summary>
internal interface IEventLogSink
{
    /// <summary>Writes one entry; returns false when the sink cannot write and should not be called again.</summary>
    bool TryWrite(EventLogSeverity severity, int eventId, string message);
}
