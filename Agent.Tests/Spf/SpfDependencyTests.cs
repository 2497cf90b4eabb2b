using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Keeps the engine free of Exchange, NLog, DnsClient and the rest of the agent: its sources may use
/// only System namespaces.
/// </summary>
public sealed class SpfDependencyTests
{
    private static readonly Regex s_using =
        new(@"^\s*using\s+(static\s+)?(?<name>[A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline);

    [Fact]
    public void EngineSources_UseOnlySystemNamespaces()
    {
        string engineFolder = Path.Combine(FindRepositoryRoot(), "Agent", "Spf");
        string[] sources = Directory.GetFiles(engineFolder, "*.cs", SearchOption.AllDirectories);

        Assert.NotEmpty(sources);
        foreach (string source in sources)
        {
            string text = File.ReadAllText(source);
            string[] foreign = s_using.Matches(text)
                .Cast<Match>()
                .Select(match => match.Groups["name"].Value)
                .Where(name => name != "System" && !name.StartsWith("System.", StringComparison.Ordinal))
                .ToArray();
            Assert.True(foreign.Length == 0, $"{Path.GetFileName(source)} uses {string.Join(", ", foreign)}.");
            Assert.DoesNotContain("ExchangeSpfAgent.", text.Replace("namespace ExchangeSpfAgent.Spf;", ""),
                StringComparison.Ordinal);
        }
    }

    private static string FindRepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        string solution = SpfSuiteLocator.SolutionFileName;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, solution)))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No folder holding {solution} above {AppContext.BaseDirectory}.");
        return directory!.FullName;
    }
}
