using System;
using System.IO;
using System.Reflection;
using ExchangeSpfAgent.Hosting;
using Xunit;

namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>The resolver resolves only the agent's own dependencies, from the agent's folder.</summary>
public sealed class AgentDependencyResolverTests
{
    // The test output folder contains the agent's dependencies; assembly locations may point to shadow copies.
    private static readonly string s_agentDirectory = AppContext.BaseDirectory;

    [Fact]
    public void FindsShippedNLog()
    {
        AssemblyName shipped = AssemblyName.GetAssemblyName(Path.Combine(s_agentDirectory, "NLog.dll"));

        string? path = AgentDependencyResolver.FindDependency(s_agentDirectory, shipped.FullName);

        Assert.Equal(Path.Combine(s_agentDirectory, "NLog.dll"), path);
    }

    [Fact]
    public void FindsShippedDnsClientForOlderRequest()
    {
        AssemblyName shipped = AssemblyName.GetAssemblyName(Path.Combine(s_agentDirectory, "DnsClient.dll"));
        var older = new AssemblyName(shipped.FullName) { Version = new Version(1, 0, 0, 0) };

        string? path = AgentDependencyResolver.FindDependency(s_agentDirectory, older.FullName);

        Assert.Equal(Path.Combine(s_agentDirectory, "DnsClient.dll"), path);
    }

    [Fact]
    public void RejectsNewerVersionRequest()
    {
        AssemblyName shipped = AssemblyName.GetAssemblyName(Path.Combine(s_agentDirectory, "NLog.dll"));
        var newer = new AssemblyName(shipped.FullName) { Version = new Version(99, 0, 0, 0) };

        Assert.Null(AgentDependencyResolver.FindDependency(s_agentDirectory, newer.FullName));
    }

    [Fact]
    public void RejectsOtherPublicKeyToken()
    {
        Assert.Null(AgentDependencyResolver.FindDependency(
            s_agentDirectory, "NLog, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef"));
    }

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("ExchangeSpfAgent")]
    [InlineData("Microsoft.Exchange.Data.Transport, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35")]
    [InlineData("not an assembly name, ,")]
    public void IgnoresOtherAssemblies(string requestedName)
    {
        Assert.Null(AgentDependencyResolver.FindDependency(s_agentDirectory, requestedName));
    }

    [Fact]
    public void IgnoresMissingFile()
    {
        string empty = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        Assert.Null(AgentDependencyResolver.FindDependency(empty, "NLog"));
    }
}
