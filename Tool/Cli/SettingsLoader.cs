using System;
using System.IO;
using ExchangeSpfAgent.Configuration;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>Reads the agent's configuration file for a command, or returns the defaults when none is given.</summary>
internal static class SettingsLoader
{
    /// <exception cref="ToolException">The file does not exist, cannot be read or is invalid.</exception>
    public static AgentSettings Load(string? path)
    {
        if (path is null)
        {
            return AgentSettings.Default;
        }

        // The agent treats a missing file as "use the defaults"; a file named on the command line must exist.
        if (!File.Exists(path))
        {
            throw new ToolException($"The configuration file {path} does not exist.");
        }

        try
        {
            return AgentConfigurationLoader.Load(path);
        }
        catch (ConfigurationException exception)
        {
            throw new ToolException(exception.Message, ExitCodes.InvalidInput, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(
                $"Cannot read the configuration file {path}: {exception.Message}", ExitCodes.InvalidInput, exception);
        }
    }
}
