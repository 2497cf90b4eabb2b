using System;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// An immutable snapshot of the configuration in force: the settings, or pass-through mode when no valid
/// configuration was ever loaded, and the last rejected file.
/// </summary>
public sealed class ConfigurationState
{
    internal ConfigurationState(AgentSettings? settings, DateTimeOffset? loadedAt, ConfigurationException? error)
    {
        Settings = settings;
        LoadedAt = loadedAt;
        Error = error;
    }

    /// <summary>
    /// The settings in force, or null in pass-through mode, in which every message is accepted unchecked.
    /// </summary>
    public AgentSettings? Settings { get; }

    /// <summary>When <see cref="Settings"/> were loaded, or null in pass-through mode.</summary>
    public DateTimeOffset? LoadedAt { get; }

    /// <summary>
    /// Why the most recent file was rejected, or null when the last file read was valid. With valid
    /// <see cref="Settings"/> this is a rejected reload; the settings are then the last good configuration.
    /// </summary>
    public ConfigurationException? Error { get; }

    /// <summary>Whether the agent accepts every message unchecked because no valid configuration exists.</summary>
    public bool IsPassThrough => Settings is null;
}
