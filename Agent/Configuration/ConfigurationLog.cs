using System;
using System.Globalization;
using NLog;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// Logs the outcome of each configuration load and decides the state that follows it.
/// </summary>
internal static class ConfigurationLog
{
    /// <summary>What the agent does while it has no valid configuration.</summary>
    public const string PassThroughConsequence =
        "The agent accepts every message unchecked until the file is corrected; it reloads the file without a restart.";

    /// <summary>Logs the state that the initial load produced, and returns the rejection to report, if any.</summary>
    public static ConfigurationRejectedEventArgs? Initial(
        Logger logger, string path, ConfigurationState state, bool fileFound)
    {
        if (state.Error is not null)
        {
            logger.Error(state.Error, "Rejected the configuration file: {Error} {Consequence}", state.Error.Message,
                PassThroughConsequence);
            return new ConfigurationRejectedEventArgs(state.Error, atStartup: true, PassThroughConsequence);
        }

        if (!fileFound)
        {
            logger.Warn("The configuration file {Path} does not exist; the default settings apply.", path);
            return null;
        }

        Logged(logger, "Loaded", path, state.Settings!);
        return null;
    }

    /// <summary>
    /// Logs one reload and returns the state that follows it, or null when the state stays; sets
    /// <paramref name="rejected"/> when the file was invalid.
    /// </summary>
    public static ConfigurationState? Reload(
        Logger? logger,
        string path,
        ConfigurationState previous,
        ConfigurationReadResult result,
        out ConfigurationRejectedEventArgs? rejected)
    {
        rejected = null;
        string keeping = previous.IsPassThrough
            ? PassThroughConsequence
            : "The agent keeps the configuration loaded at "
                + previous.LoadedAt?.ToString("u", CultureInfo.InvariantCulture) + ".";
        switch (result.Status)
        {
            case ConfigurationReadStatus.Loaded:
                if (logger is not null)
                {
                    Logged(logger, "Reloaded", path, result.Settings!);
                }

                return new ConfigurationState(result.Settings, DateTimeOffset.UtcNow, null);

            case ConfigurationReadStatus.Invalid:
                var error = (ConfigurationException)result.Error!;
                logger?.Warn(error, "Rejected the changed configuration file: {Error} {Keeping}", error.Message, keeping);
                rejected = new ConfigurationRejectedEventArgs(error, atStartup: false, keeping);
                return new ConfigurationState(previous.Settings, previous.LoadedAt, error);

            case ConfigurationReadStatus.Missing:
                logger?.Warn("The configuration file {Path} was deleted. {Keeping}", path, keeping);
                return null;

            case ConfigurationReadStatus.Unreadable:
                logger?.Warn(
                    result.Error,
                    "Cannot read the configuration file {Path}; the next check retries. {Keeping}",
                    path,
                    keeping);
                return null;

            default:
                return null;
        }
    }

    private static void Logged(Logger logger, string verb, string path, AgentSettings settings)
    {
        string dnsServers = settings.Dns.Servers.Count == 0
            ? "the system's"
            : settings.Dns.Servers.Count.ToString(CultureInfo.InvariantCulture);
        logger.Info(
            "{Verb} the configuration from {Path}: mode {Mode}, {TrustedRelays} trusted relay ranges, origin sources "
                + "{Sources}, {DnsServers} DNS servers.",
            verb,
            path,
            settings.Mode,
            settings.Origin.TrustedRelays.Count,
            string.Join(", ", settings.Origin.Sources),
            dnsServers);
    }
}
