using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ExchangeSpfAgent.Hosting;

/// <summary>
/// Loads the agent's own dependencies from the agent's folder when the host process cannot find them.
/// </summary>
/// <remarks>
/// <para>
/// Exchange loads the agent by path into a worker process whose application base is Exchange's bin folder, and
/// binding redirects in the agent's .dll.config are never read there. The runtime then looks for NLog, DnsClient and
/// System.Buffers in the wrong place, or finds another version of them that the host already loaded.
/// </para>
/// <para>
/// The handler resolves only <see cref="DependencyNames"/> and only with a file from the agent's folder whose
/// public key token matches the request and whose version is the requested one or newer; every other request is
/// left to the runtime and to other handlers.
/// </para>
/// </remarks>
public static class AgentDependencyResolver
{
    private static readonly object s_lock = new();
    private static bool s_registered;

    /// <summary>The simple names of the assemblies that ship beside the agent DLL.</summary>
    public static IReadOnlyList<string> DependencyNames { get; } = new[] { "NLog", "DnsClient", "System.Buffers" };

    /// <summary>
    /// Installs the handler once per application domain. Call it before any method that uses NLog or DnsClient is
    /// compiled, that is, first in the agent factory's constructor and with those uses in other methods.
    /// </summary>
    public static void Register()
    {
        lock (s_lock)
        {
            if (s_registered)
            {
                return;
            }

            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            s_registered = true;
        }
    }

    /// <summary>
    /// Returns the file in <paramref name="directory"/> that satisfies the request <paramref name="requestedName"/>,
    /// or null when the request is not for one of the agent's dependencies or no file there fits.
    /// </summary>
    public static string? FindDependency(string directory, string requestedName)
    {
        AssemblyName requested;
        try
        {
            requested = new AssemblyName(requestedName);
        }
        catch (Exception exception) when (exception is ArgumentException or FileLoadException)
        {
            return null;
        }

        string? name = requested.Name;
        if (name is null || !IsDependency(name))
        {
            return null;
        }

        string path = Path.Combine(directory, name + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        AssemblyName candidate;
        try
        {
            candidate = AssemblyName.GetAssemblyName(path);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or ArgumentException)
        {
            return null;
        }

        return Fits(requested, candidate) ? path : null;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        string? path = FindDependency(AgentLocation.Directory, args.Name);
        if (path is null)
        {
            return null;
        }

        try
        {
            return Assembly.LoadFrom(path);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException
            or System.Security.SecurityException)
        {
            return null;
        }
    }

    private static bool IsDependency(string name)
    {
        foreach (string dependency in DependencyNames)
        {
            if (string.Equals(dependency, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(AssemblyName requested, AssemblyName candidate)
    {
        if (!string.Equals(requested.Name, candidate.Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[]? requestedToken = requested.GetPublicKeyToken();
        if (requestedToken is { Length: > 0 } && !TokensEqual(requestedToken, candidate.GetPublicKeyToken()))
        {
            return false;
        }

        return requested.Version is null || (candidate.Version is not null && candidate.Version >= requested.Version);
    }

    private static bool TokensEqual(byte[] expected, byte[]? actual)
    {
        if (actual is null || actual.Length != expected.Length)
        {
            return false;
        }

        for (int index = 0; index < expected.Length; index++)
        {
            if (expected[index] != actual[index])
            {
                return false;
            }
        }

        return true;
    }
}
