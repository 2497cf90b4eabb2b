namespace ExchangeSpfAgent.Logging;

/// <summary>The event ids the agent writes to the Windows Application event log, stable across versions.</summary>
public static class AgentEventIds
{
    /// <summary>The agent factory started in a transport process.</summary>
    public const int Started = 1000;

    /// <summary>The configuration file was invalid at start-up; the agent runs in pass-through mode.</summary>
    public const int ConfigurationInvalid = 2000;

    /// <summary>A changed configuration file was invalid; the last good configuration stays in force.</summary>
    public const int ConfigurationReloadRejected = 2001;

    /// <summary>An unexpected exception was caught; the message was accepted.</summary>
    public const int UnexpectedException = 3000;

    /// <summary>Entries of one id were dropped by the rate limit.</summary>
    public const int EntriesSuppressed = 9000;
}
