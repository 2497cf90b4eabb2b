using System;

namespace ExchangeSpfAgent.Configuration;

/// <summary>The configuration before and after a reload that applied new settings.</summary>
public sealed class ConfigurationChangedEventArgs : EventArgs
{
    internal ConfigurationChangedEventArgs(ConfigurationState previous, ConfigurationState current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>The state before the reload.</summary>
    public ConfigurationState Previous { get; }

    /// <summary>The state now in force; its settings are never null.</summary>
    public ConfigurationState Current { get; }
}
