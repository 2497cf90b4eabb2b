using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// The agent's whole configuration, immutable once loaded; every property has the product default.
/// </summary>
/// <remarks>
/// The configuration file's elements carry the property names of these classes.
/// </remarks>
public sealed class AgentSettings
{
    /// <summary>The settings used when no configuration file exists.</summary>
    public static AgentSettings Default { get; } = new();

    /// <summary>Enforce the actions, or only log them.</summary>
    public AgentMode Mode { get; init; } = AgentMode.Enforce;

    /// <summary>Which sessions the agent checks.</summary>
    public ScopeSettings Scope { get; init; } = new();

    /// <summary>Where the originating IP comes from and which relays are trusted.</summary>
    public OriginSelectorOptions Origin { get; init; } = new();

    /// <summary>How SPF is evaluated.</summary>
    public EvaluationSettings Evaluation { get; init; } = new();

    /// <summary>DNS servers, timeouts and the cache.</summary>
    public DnsResolverOptions Dns { get; init; } = new();

    /// <summary>The action per identity and SPF result.</summary>
    public ActionSettings Actions { get; init; } = new();

    /// <summary>Origins, sender domains and recipients that are never acted on.</summary>
    public BypassSettings Bypass { get; init; } = new();

    /// <summary>The SMTP reply texts.</summary>
    public ResponseSettings Responses { get; init; } = new();

    /// <summary>The result headers added to accepted messages.</summary>
    public HeaderSettings Headers { get; init; } = new();

    /// <summary>Log folder, levels and rotation.</summary>
    public LoggingSettings Logging { get; init; } = new();
}
