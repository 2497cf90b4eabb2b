namespace ExchangeSpfAgent.Configuration;

/// <summary>Whether the agent acts on its verdicts or only logs them.</summary>
public enum AgentMode
{
    /// <summary>Apply the configured actions.</summary>
    Enforce,

    /// <summary>Decide and log what would be done ("would reject"), but accept every message unchanged.</summary>
    LogOnly,
}
