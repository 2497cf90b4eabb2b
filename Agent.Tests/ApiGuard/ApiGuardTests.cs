using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ExchangeSpfAgent.Transport;
using Xunit;

namespace ExchangeSpfAgent.Tests.ApiGuard;

/// <summary>
/// Keeps the contract equal to its checked-in baseline and the agent inside the contract, so the
/// agent binds on every supported Exchange build.
/// </summary>
/// <remarks>
/// After a deliberate change of the contract, regenerate the baselines by running these tests with
/// the environment variable UPDATE_API_BASELINE=1, and review the diff.
/// </remarks>
public sealed class ApiGuardTests
{
    private const string TransportName = "Microsoft.Exchange.Data.Transport";
    private const string CommonName = "Microsoft.Exchange.Data.Common";
    private const string ExpectedToken = "31bf3856ad364e35";
    private static readonly Version s_expectedVersion = new(15, 0, 1474, 0);

    [Theory]
    [InlineData(TransportName)]
    [InlineData(CommonName)]
    public void ContractSurfaceMatchesBaseline(string name)
    {
        IReadOnlyList<string> surface = ApiSurface.Read(BuildLayout.ContractAssembly(name));
        string baselinePath = BuildLayout.ApiBaseline(name);
        if (Environment.GetEnvironmentVariable("UPDATE_API_BASELINE") == "1")
        {
            File.WriteAllLines(baselinePath, surface);
        }

        string[] baseline = File.ReadAllLines(baselinePath);
        string[] added = surface.Except(baseline).ToArray();
        string[] removed = baseline.Except(surface).ToArray();

        Assert.True(added.Length == 0, "Members not in the baseline: " + string.Join(Environment.NewLine, added));
        Assert.True(removed.Length == 0, "Baseline members missing from the contract: " + string.Join(Environment.NewLine, removed));
    }

    [Fact]
    public void AgentUsesOnlyBaselineMembers()
    {
        HashSet<string> allowed = BaselineKeys();

        string[] outside = ExchangeReferences.Read(typeof(SpfAgent).Assembly.Location).Where(r => !allowed.Contains(r)).ToArray();

        Assert.True(outside.Length == 0, "The agent uses Exchange members outside the contract: " + string.Join(Environment.NewLine, outside));
    }

    [Fact]
    public void AgentReferencesSomeContractMembers()
    {
        IReadOnlyCollection<string> references = ExchangeReferences.Read(typeof(SpfAgent).Assembly.Location);

        Assert.Contains("Microsoft.Exchange.Data.Transport.Smtp.SmtpReceiveAgent", references);
        Assert.Contains(references, r => r.StartsWith("Microsoft.Exchange.Data.Transport.Smtp.SmtpReceiveAgent::add_OnEndOfHeaders(", StringComparison.Ordinal));
    }

    // The test assembly calls the test runtime's hooks, which no Exchange build has: the guard must
    // report exactly such members when they appear in an assembly.
    [Fact]
    public void GuardReportsMembersOutsideBaseline()
    {
        HashSet<string> allowed = BaselineKeys();

        string[] outside = ExchangeReferences.Read(typeof(ApiGuardTests).Assembly.Location).Where(r => !allowed.Contains(r)).ToArray();

        Assert.Contains(outside, r => r.Contains("::TestRaiseEndOfHeaders("));
        Assert.Contains(outside, r => r.Contains("::set_TestAsyncContextProvider("));
        Assert.DoesNotContain(outside, r => r.Contains("::get_HelloDomain("));
    }

    [Theory]
    [InlineData(TransportName)]
    [InlineData(CommonName)]
    public void ContractHasExchangeIdentity(string name)
    {
        AssemblyName identity = AssemblyName.GetAssemblyName(BuildLayout.ContractAssembly(name));

        Assert.Equal(name + ", Version=15.0.1474.0, Culture=neutral, PublicKeyToken=" + ExpectedToken, identity.FullName);
    }

    [Theory]
    [InlineData(TransportName)]
    [InlineData(CommonName)]
    public void AgentReferencesExchangeIdentity(string name)
    {
        AssemblyName reference = typeof(SpfAgent).Assembly.GetReferencedAssemblies().Single(r => r.Name == name);

        Assert.Equal(s_expectedVersion, reference.Version);
        Assert.Equal(ExpectedToken, Token(reference));
        Assert.Equal(name + ", Version=15.0.1474.0, Culture=neutral, PublicKeyToken=" + ExpectedToken, reference.FullName);
    }

    [Theory]
    [InlineData("net48")]
    [InlineData("net10.0")]
    public void AgentOutputHoldsNoContract(string targetFramework)
    {
        string output = BuildLayout.AgentOutput(targetFramework);

        Assert.True(File.Exists(Path.Combine(output, "ExchangeSpfAgent.dll")), "No agent build in " + output);
        Assert.Empty(Directory.GetFiles(output, "Microsoft.Exchange.*"));
    }

    // Tests load the test runtime where Exchange loads the real assembly; it must offer every contract member.
    [Theory]
    [InlineData(TransportName)]
    [InlineData(CommonName)]
    public void TestRuntimeCoversContract(string name)
    {
        // The loaded assemblies' own locations, because test runners may shadow-copy each file apart.
        string runtimePath = name == TransportName
            ? typeof(Microsoft.Exchange.Data.Transport.Smtp.SmtpReceiveAgent).Assembly.Location
            : typeof(Microsoft.Exchange.Data.Mime.HeaderList).Assembly.Location;
        HashSet<string> runtime = ApiSurface.Keys(ApiSurface.Read(runtimePath));

        string[] missing = ApiSurface.Keys(ApiSurface.Read(BuildLayout.ContractAssembly(name))).Where(k => !runtime.Contains(k)).ToArray();

        Assert.True(missing.Length == 0, "The test runtime lacks: " + string.Join(Environment.NewLine, missing));
    }

    private static HashSet<string> BaselineKeys() =>
        ApiSurface.Keys(File.ReadAllLines(BuildLayout.ApiBaseline(TransportName))
            .Concat(File.ReadAllLines(BuildLayout.ApiBaseline(CommonName))));

    private static string Token(AssemblyName name) =>
        string.Concat((name.GetPublicKeyToken() ?? Array.Empty<byte>()).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
