using System;
using System.Collections.Generic;
using System.IO;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// Finds the RFC 7208 test suite file: the path in the environment variable <c>SPF_TEST_SUITE</c>, else
/// <c>../shared/spf-test-suite/rfc7208-tests.yml</c> beside the folder that contains <c>ExchangeSpfAgent.sln</c>,
/// searched upwards from the test assembly's folder.
/// </summary>
public static class SpfSuiteLocator
{
    public const string EnvironmentVariable = "SPF_TEST_SUITE";

    public const string SolutionFileName = "ExchangeSpfAgent.sln";

    private const string FileName = "rfc7208-tests.yml";

    /// <summary>
    /// Returns the suite path, or null; <paramref name="searched"/> lists the places tried, for the failure message.
    /// </summary>
    public static string? Locate(out IReadOnlyList<string> searched)
    {
        var tried = new List<string>();
        searched = tried;
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            tried.Add($"{EnvironmentVariable}={configured}");
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        tried.Add($"{EnvironmentVariable} (not set)");
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                string candidate = Path.GetFullPath(
                    Path.Combine(directory.FullName, "..", "shared", "spf-test-suite", FileName));
                tried.Add(candidate);
                return File.Exists(candidate) ? candidate : null;
            }

            directory = directory.Parent;
        }

        tried.Add($"no folder holding {SolutionFileName} above {AppContext.BaseDirectory}");
        return null;
    }

    /// <summary>Returns the suite path, or throws with a message that lists the places searched.</summary>
    /// <exception cref="FileNotFoundException">The suite file was not found.</exception>
    public static string LocateOrThrow()
    {
        string? path = Locate(out IReadOnlyList<string> searched);
        if (path is not null)
        {
            return path;
        }

        bool configured = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable));
        bool inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        string hint = configured
            ? $"Set {EnvironmentVariable} to the path of an existing {FileName}."
            : inCi
                ? "CI must place the shared folder with spf-test-suite beside the repository."
                : $"Set {EnvironmentVariable} to the path of {FileName}.";
        throw new FileNotFoundException(
            $"The RFC 7208 test suite was not found. Searched: {string.Join("; ", searched)}. {hint}", FileName);
    }
}
