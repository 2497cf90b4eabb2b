using System;
using System.IO;

namespace ExchangeSpfAgent.Hosting;

/// <summary>The folder the agent DLL was loaded from, which contains its configuration file and dependencies.</summary>
/// <remarks>
/// Exchange loads the agent by path into a worker process whose application base and working directory are
/// Exchange's own folders, so neither can locate the agent's files.
/// </remarks>
public static class AgentLocation
{
    private static readonly Lazy<string> s_directory = new(() =>
    {
        string location = typeof(AgentLocation).Assembly.Location;
        string? directory = location.Length == 0 ? null : Path.GetDirectoryName(location);

        // NOTE: an assembly loaded from bytes has no location; the application base is then the only folder left.
        return directory ?? AppDomain.CurrentDomain.BaseDirectory;
    });

    /// <summary>The full path of the agent DLL's folder.</summary>
    public static string Directory => s_directory.Value;

    /// <summary>
    /// Returns <paramref name="path"/> as a full path; a relative path is taken relative to <see cref="Directory"/>.
    /// </summary>
    public static string Resolve(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Directory, path));
}
