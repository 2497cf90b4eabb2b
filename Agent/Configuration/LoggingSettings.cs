namespace ExchangeSpfAgent.Configuration;

/// <summary>Where the agent logs and how the files rotate.</summary>
public sealed class LoggingSettings
{
    /// <summary>The log folder; a relative path is relative to the agent's folder.</summary>
    public string Folder { get; init; } = "Logs";

    /// <summary>The lowest level written to the diagnostic log: Trace, Debug, Info, Warn or Error.</summary>
    public string Level { get; init; } = "Info";

    /// <summary>Write the decision log, one CSV line per message.</summary>
    public bool DecisionLog { get; init; } = true;

    /// <summary>Days of log files kept.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>The size in megabytes at which a log file is rotated, besides the daily rotation.</summary>
    public int MaxFileSizeMegabytes { get; init; } = 50;

    /// <summary>Write start-up, configuration errors and unexpected exceptions to the Windows Application event log.</summary>
    public bool EventLog { get; init; } = true;

    /// <summary>Minutes between summary lines of counts in the diagnostic log; 0 turns them off.</summary>
    public int SummaryIntervalMinutes { get; init; } = 15;
}
