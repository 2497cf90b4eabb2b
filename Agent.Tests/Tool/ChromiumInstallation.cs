using System.IO;
using ExchangeSpfAgent.Tests.Infrastructure;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// Finds Debian's Chromium for the report test: skipped outside CI when it is missing, run (and failing) in CI.
/// </summary>
public static class ChromiumInstallation
{
    public const string NotFoundMessage = "Chromium not found: install it with 'apt-get install chromium'";

    private static readonly string[] s_candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser" };

    /// <summary>The full path of the browser, or null when it is not installed.</summary>
    public static string? Path { get; } = System.Array.Find(s_candidates, File.Exists);

    /// <summary>The reason to skip a test that needs Chromium, or null when it must run.</summary>
    public static string? SkipReason => Path is null && !NsdInstallation.IsCi ? NotFoundMessage : null;
}
