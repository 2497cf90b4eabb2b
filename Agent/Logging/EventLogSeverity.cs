namespace ExchangeSpfAgent.Logging;

/// <summary>The entry types the agent writes to the Windows event log.</summary>
public enum EventLogSeverity
{
    Information,
    Warning,
    Error,
}
