using System;

namespace ExchangeSpfAgent.Configuration;

/// <summary>The outcome of one check of the configuration file.</summary>
internal sealed class ConfigurationReadResult
{
    private ConfigurationReadResult(ConfigurationReadStatus status, AgentSettings? settings, Exception? error)
    {
        Status = status;
        Settings = settings;
        Error = error;
    }

    public ConfigurationReadStatus Status { get; }

    /// <summary>The new settings when <see cref="Status"/> is <see cref="ConfigurationReadStatus.Loaded"/>.</summary>
    public AgentSettings? Settings { get; }

    /// <summary>
    /// The <see cref="ConfigurationException"/> of an invalid file, or the I/O exception of an unreadable one.
    /// </summary>
    public Exception? Error { get; }

    public static ConfigurationReadResult Unchanged { get; } = new(ConfigurationReadStatus.Unchanged, null, null);

    public static ConfigurationReadResult Missing { get; } = new(ConfigurationReadStatus.Missing, null, null);

    public static ConfigurationReadResult Loaded(AgentSettings settings) =>
        new(ConfigurationReadStatus.Loaded, settings, null);

    public static ConfigurationReadResult Invalid(ConfigurationException error) =>
        new(ConfigurationReadStatus.Invalid, null, error);

    public static ConfigurationReadResult Unreadable(Exception error) =>
        new(ConfigurationReadStatus.Unreadable, null, error);
}
