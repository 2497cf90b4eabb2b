using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>The net48 build output contains exactly the documented dependency set and no .dll.config.</summary>
public sealed class ReleaseLayoutTests
{
    [Fact]
    public void OutputShipsOnlyListedAssemblies()
    {
        string[] assemblies = Directory.GetFiles(ReleaseLayout.BuildOutput, "*.dll")
            .Select(Path.GetFileName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray()!;

        Assert.Equal(ReleaseLayout.Assemblies.OrderBy(name => name, StringComparer.Ordinal), assemblies);
    }

    [Fact]
    public void OutputHasNoAssemblyConfig()
    {
        Assert.Empty(Directory.GetFiles(ReleaseLayout.BuildOutput, "*.dll.config"));
    }

    [Fact]
    public void OutputHasConfigurationFile()
    {
        Assert.True(File.Exists(Path.Combine(ReleaseLayout.BuildOutput, ReleaseLayout.ConfigurationFile)));
    }

    [Fact]
    public void DependencyDocumentListsEveryAssembly()
    {
        string document = File.ReadAllText(
            Path.Combine(ApiGuard.BuildLayout.RepositoryRoot, "docs", "dependencies.md"));

        Assert.All(ReleaseLayout.Assemblies, name => Assert.Contains(name, document, StringComparison.Ordinal));
    }
}
