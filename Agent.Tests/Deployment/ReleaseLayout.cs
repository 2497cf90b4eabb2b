using System;
using System.Collections.Generic;
using System.IO;
using ExchangeSpfAgent.Tests.ApiGuard;

namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>The files that ship in the agent's folder for Exchange, taken from the net48 build output.</summary>
public static class ReleaseLayout
{
    /// <summary>The assemblies that ship, as docs/dependencies.md lists them.</summary>
    public static IReadOnlyList<string> Assemblies { get; } = new[]
    {
        "ExchangeSpfAgent.dll",
        "NLog.dll",
        "DnsClient.dll",
        "System.Buffers.dll",
    };

    /// <summary>The configuration file that ships beside the agent DLL.</summary>
    public const string ConfigurationFile = "ExchangeSpfAgent.config.xml";

    public static string BuildOutput => BuildLayout.AgentOutput("net48");

    /// <summary>Copies the shipped files from the build output into <paramref name="directory"/>.</summary>
    public static void CopyTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string file in Assemblies)
        {
            File.Copy(Path.Combine(BuildOutput, file), Path.Combine(directory, file));
        }

        File.Copy(Path.Combine(BuildOutput, ConfigurationFile), Path.Combine(directory, ConfigurationFile));
    }

    /// <summary>Returns the program on the search path, or null.</summary>
    public static string? FindProgram(string name)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length > 0 && File.Exists(Path.Combine(folder, name)))
            {
                return Path.Combine(folder, name);
            }
        }

        return null;
    }
}
