using System;
using System.IO;
using System.Linq;

namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// Finds the NSD programs and decides whether tests that need NSD run, skip or fail.
/// </summary>
/// <remarks>
/// Outside CI a missing NSD skips those tests with <see cref="NotFoundMessage"/>. In CI (environment variable
/// <c>CI</c> set to <c>true</c>) they run and fail with the same message, so a broken CI image cannot pass silently.
/// </remarks>
public static class NsdInstallation
{
    /// <summary>The skip or failure message when NSD is missing.</summary>
    public const string NotFoundMessage = "NSD not found: install it with 'apt-get install nsd'";

    private static readonly string[] s_searchFolders = { "/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin" };

    /// <summary>The full path of the <c>nsd</c> program, or null when it is not installed.</summary>
    public static string? ServerPath { get; } = Find("nsd");

    /// <summary>The full path of <c>nsd-checkconf</c>, or null when it is not installed.</summary>
    public static string? CheckConfPath { get; } = Find("nsd-checkconf");

    /// <summary>The full path of <c>nsd-checkzone</c>, or null when it is not installed.</summary>
    public static string? CheckZonePath { get; } = Find("nsd-checkzone");

    /// <summary>True when the tests run in CI, where a missing NSD is a failure rather than a skip.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to skip a test that needs NSD, or null when it must run.</summary>
    public static string? SkipReason => ServerPath is null && !IsCi ? NotFoundMessage : null;

    private static string? Find(string program)
    {
        string[] pathFolders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        return pathFolders
            .Concat(s_searchFolders)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
