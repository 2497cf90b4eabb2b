using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ExchangeSpfAgent.Tests.ApiGuard;

/// <summary>Paths of the repository's build outputs, as recorded in the test assembly at build time.</summary>
public static class BuildLayout
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("BuildConfiguration");

    public static string ContractAssembly(string name) =>
        Path.Combine(RepositoryRoot, "ref", name, "bin", Configuration, "net48", name + ".dll");

    public static string ApiBaseline(string name) => Path.Combine(RepositoryRoot, "ref", "api", name + ".txt");

    public static string AgentOutput(string targetFramework) =>
        Path.Combine(RepositoryRoot, "Agent", "bin", Configuration, targetFramework);

    private static string Metadata(string key) =>
        typeof(BuildLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; build it with the project file.");
}
