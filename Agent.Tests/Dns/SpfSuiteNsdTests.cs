using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Infrastructure;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// The RFC 7208 test suite with each scenario's zone data served by NSD and resolved through
/// <see cref="CachingDnsResolver"/> over <see cref="DnsClientResolver"/>.
/// </summary>
/// <remarks>
/// NSD cannot time out on purpose, so the tests in <see cref="InMemoryOnly"/> run only in the in-memory suite.
/// Where the suite accepts two results, the first is required, and "DEFAULT" is the default explanation, as in
/// the in-memory run.
/// </remarks>
public sealed class SpfSuiteNsdTests : IClassFixture<SpfSuiteNsdServers>
{
    private const string SuiteNotFound = "(suite file not found)";
    private const string DefaultExplanation = "DEFAULT";
    private const int ParallelRepetitions = 4;

    /// <summary>The tests whose evaluation needs a DNS timeout (a TIMEOUT entry or an "error." name).</summary>
    internal static readonly IReadOnlyList<string> InMemoryOnly = new[]
    {
        "alltimeout",
        "exists-dnserr",
        "exp-dns-error",
        "include-temperror",
        "nospftxttimeout",
        "txttimeout",
    };

    /// <summary>
    /// The tests where live DNS may give the suite's second result, so either listed result passes. Each is
    /// listed with the suite's reason.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> s_eitherResult = new Dictionary<string, string>
    {
        ["multispf1"] = "identical records cannot be reproduced with live DNS, which may combine them",
    };

    private static readonly Lazy<SpfTestSuite?> s_suite = new(LoadSuite);
    private readonly SpfSuiteNsdServers _servers;

    public SpfSuiteNsdTests(SpfSuiteNsdServers servers)
    {
        _servers = servers;
    }

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        SpfTestSuite? suite = s_suite.Value;
        if (suite is null)
        {
            data.Add(SuiteNotFound);
            return data;
        }

        foreach (SpfSuiteCase suiteCase in suite.Cases.Where(suiteCase => !InMemoryOnly.Contains(suiteCase.Name)))
        {
            data.Add(suiteCase.Name);
        }

        return data;
    }

    [NsdTheory]
    [MemberData(nameof(CaseNames))]
    public async Task Rfc7208OnNsd(string name)
    {
        SpfSuiteCase suiteCase = Suite().Cases.Single(candidate => candidate.Name == name);
        CachingDnsResolver resolver = CreateResolver(suiteCase.Scenario);

        SpfCheckResult result = await CheckAsync(resolver, suiteCase);

        string details = Describe(suiteCase, result);
        IEnumerable<SpfResult> accepted = s_eitherResult.ContainsKey(name)
            ? suiteCase.ExpectedResults
            : suiteCase.ExpectedResults.Take(1);
        Assert.True(accepted.Contains(result.Result), details);
        if (suiteCase.Explanation is not null)
        {
            Assert.True(suiteCase.Explanation == result.Explanation, details);
        }
    }

    [Fact]
    public async Task InMemoryOnlyMatchesTimeoutTests()
    {
        var needTimeout = new List<string>();
        foreach (SpfSuiteCase suiteCase in Suite().Cases)
        {
            var recorder = new RecordingDnsResolver(new InMemoryDnsResolver(suiteCase.Scenario.Zone));
            await CheckAsync(recorder, suiteCase);
            if (recorder.Lookups.Any(lookup => DnsFailureReasons.IsTimeout(lookup.Result)))
            {
                needTimeout.Add(suiteCase.Name);
            }
        }

        Assert.Equal(InMemoryOnly.OrderBy(name => name), needTimeout.OrderBy(name => name));
    }

    [NsdFact]
    public async Task ParallelEvaluationsMatchSequentialRun()
    {
        foreach (SpfSuiteScenario scenario in Suite().Scenarios)
        {
            SpfSuiteCase[] cases = scenario.Cases.Where(suiteCase => !InMemoryOnly.Contains(suiteCase.Name)).ToArray();
            CachingDnsResolver sequentialResolver = CreateResolver(scenario);
            var expected = new Dictionary<string, string>();
            foreach (SpfSuiteCase suiteCase in cases)
            {
                expected[suiteCase.Name] = Summarize(await CheckAsync(sequentialResolver, suiteCase));
            }

            // Every test of the scenario several times over, all started at once against one shared resolver.
            CachingDnsResolver sharedResolver = CreateResolver(scenario);
            SpfSuiteCase[] workload = Enumerable.Repeat(cases, ParallelRepetitions).SelectMany(batch => batch).ToArray();
            SpfCheckResult[] parallel = await Task.WhenAll(workload.Select(suiteCase => Task.Run(() =>
                CheckAsync(sharedResolver, suiteCase))));

            for (int index = 0; index < workload.Length; index++)
            {
                string actual = Summarize(parallel[index]);
                Assert.True(
                    expected[workload[index].Name] == actual,
                    $"{workload[index].Name}: expected {expected[workload[index].Name]}, got {actual}; problem: {parallel[index].Problem}");
            }

            // Sharing in-flight lookups, the parallel run sends each distinct query once, like the sequential run.
            Assert.Equal(sequentialResolver.Statistics.QueriesSent, sharedResolver.Statistics.QueriesSent);
        }
    }

    private static Task<SpfCheckResult> CheckAsync(IDnsResolver resolver, SpfSuiteCase suiteCase)
    {
        var options = new SpfEvaluatorOptions { DefaultExplanation = DefaultExplanation, EnableTrace = true };
        return new SpfEvaluator(resolver, options)
            .CheckMailFromAsync(IPAddress.Parse(suiteCase.Host), suiteCase.MailFrom, suiteCase.Helo);
    }

    private static string Summarize(SpfCheckResult result) =>
        $"{result.Result} mechanism '{result.Mechanism}' explanation '{result.Explanation}'";

    private static string Describe(SpfSuiteCase suiteCase, SpfCheckResult result)
    {
        string expected = string.Join(" or ", suiteCase.ExpectedResults.Select(SpfResultNames.ToRfcName));
        return string.Join(
            Environment.NewLine,
            new[]
            {
                $"Test {suiteCase.Name} (RFC 7208 {suiteCase.Spec}): {suiteCase.Description}",
                $"Expected {expected}, explanation '{suiteCase.Explanation}'.",
                $"Actual {SpfResultNames.ToRfcName(result.Result)}, explanation '{result.Explanation}', "
                    + $"problem '{result.Problem}', mechanism '{result.Mechanism}'.",
                "Trace:",
            }
            .Concat(result.Trace.Select(entry => "  " + entry)));
    }

    private static SpfTestSuite Suite() => s_suite.Value ?? SpfTestSuite.Load(SpfSuiteLocator.LocateOrThrow());

    private static SpfTestSuite? LoadSuite()
    {
        string? path = SpfSuiteLocator.Locate(out _);
        return path is null ? null : SpfTestSuite.Load(path);
    }

    // The suite compares results, not query counts inside the client, so a query may be retried: under Mono on a
    // loaded machine a loopback reply can miss the 5-second timeout, which would turn a result into temperror.
    private CachingDnsResolver CreateResolver(SpfSuiteScenario scenario)
    {
        DnsResolverOptions single = DnsTestServers.OptionsFor(_servers.For(scenario).EndPoint);
        var options = new DnsResolverOptions { Servers = single.Servers, QueryTimeout = single.QueryTimeout, Retries = 2 };
        return new CachingDnsResolver(new DnsClientResolver(options), options);
    }
}
