using System;

namespace ExchangeSpfAgent.Configuration;

/// <summary>A configuration file that was rejected, at start-up or on reload.</summary>
public sealed class ConfigurationRejectedEventArgs : EventArgs
{
    internal ConfigurationRejectedEventArgs(ConfigurationException error, bool atStartup, string consequence)
    {
        Error = error;
        AtStartup = atStartup;
        Consequence = consequence;
    }

    /// <summary>Why the file was rejected.</summary>
    public ConfigurationException Error { get; }

    /// <summary>Whether this was the first load, which leaves the agent in pass-through mode.</summary>
    public bool AtStartup { get; }

    /// <summary>A sentence for administrators on what the agent does now, such as keeping the last good file.</summary>
    public string Consequence { get; }
}
