using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Runs every test of the RFC 7208 test suite against an in-memory resolver built from its zone data.
/// </summary>
/// <remarks>
/// Where the suite accepts two results, the driver requires the first, which the suite prefers.
/// A test that expects an explanation runs with the default explanation "DEFAULT", as the suite assumes.
/// </remarks>
public sealed class SpfEvaluatorSuiteTests
{
    private const string SuiteNotFound = "(suite file not found)";
    private const string DefaultExplanation = "DEFAULT";

    private static readonly Lazy<SpfTestSuite?> s_suite = new(LoadSuite);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        SpfTestSuite? suite = s_suite.Value;
        if (suite is null)
        {
            data.Add(SuiteNotFound);
            return data;
        }

        foreach (SpfSuiteCase suiteCase in suite.Cases)
        {
            data.Add(suiteCase.Name);
        }

        return data;
    }

    [Fact]
    public void Suite_HasAllTests()
    {
        SpfTestSuite suite = SpfTestSuite.Load(SpfSuiteLocator.LocateOrThrow());

        Assert.Equal(16, suite.Scenarios.Count);
        Assert.Equal(203, suite.Cases.Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Rfc7208(string name)
    {
        SpfTestSuite suite = s_suite.Value ?? SpfTestSuite.Load(SpfSuiteLocator.LocateOrThrow());
        SpfSuiteCase suiteCase = suite.Cases.Single(candidate => candidate.Name == name);
        var resolver = new InMemoryDnsResolver(suiteCase.Scenario.Zone);
        var options = new SpfEvaluatorOptions { DefaultExplanation = DefaultExplanation, EnableTrace = true };
        var evaluator = new SpfEvaluator(resolver, options);

        SpfCheckResult result = await evaluator.CheckMailFromAsync(
            IPAddress.Parse(suiteCase.Host), suiteCase.MailFrom, suiteCase.Helo);

        string details = Describe(suiteCase, result, resolver);
        Assert.True(suiteCase.ExpectedResults[0] == result.Result, details);
        if (suiteCase.Explanation is not null)
        {
            Assert.True(suiteCase.Explanation == result.Explanation, details);
        }

        AssertNoRepeatedQueries(resolver, details);
    }

    private static void AssertNoRepeatedQueries(InMemoryDnsResolver resolver, string details)
    {
        IEnumerable<string> repeated = resolver.Queries
            .GroupBy(query => (query.Name.ToLowerInvariant(), query.Type))
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Type} {group.Key.Item1}");
        Assert.True(!repeated.Any(), $"Repeated queries: {string.Join(", ", repeated)}\n{details}");
    }

    private static string Describe(SpfSuiteCase suiteCase, SpfCheckResult result, InMemoryDnsResolver resolver)
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
            .Concat(result.Trace.Select(entry => "  " + entry))
            .Concat(new[] { "Queries: " + string.Join(", ", resolver.Queries.Select(FormatQuery)) }));
    }

    private static string FormatQuery((string Name, DnsQueryType Type) query) => $"{query.Type} {query.Name}";

    private static SpfTestSuite? LoadSuite()
    {
        string? path = SpfSuiteLocator.Locate(out _);
        return path is null ? null : SpfTestSuite.Load(path);
    }
}
