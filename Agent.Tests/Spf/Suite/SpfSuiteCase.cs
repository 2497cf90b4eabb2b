using System.Collections.Generic;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// One test of the SPF test suite: a client, HELO and MAIL FROM, and the expected result.
/// </summary>
public sealed class SpfSuiteCase
{
    public SpfSuiteCase(
        string name,
        SpfSuiteScenario scenario,
        string host,
        string helo,
        string mailFrom,
        IReadOnlyList<SpfResult> expectedResults,
        string? explanation,
        string? spec,
        string? description)
    {
        Name = name;
        Scenario = scenario;
        Host = host;
        Helo = helo;
        MailFrom = mailFrom;
        ExpectedResults = expectedResults;
        Explanation = explanation;
        Spec = spec;
        Description = description;
    }

    /// <summary>The test name, unique within the suite file.</summary>
    public string Name { get; }

    public SpfSuiteScenario Scenario { get; }

    /// <summary>The client address: IPv4, IPv6 or IPv4-mapped IPv6.</summary>
    public string Host { get; }

    public string Helo { get; }

    /// <summary>The MAIL FROM address; empty for the null sender.</summary>
    public string MailFrom { get; }

    /// <summary>The accepted results; when the suite lists two, the first is the preferred one.</summary>
    public IReadOnlyList<SpfResult> ExpectedResults { get; }

    /// <summary>The expected explanation, where the test states one.</summary>
    public string? Explanation { get; }

    /// <summary>The RFC section the test covers, as the suite writes it.</summary>
    public string? Spec { get; }

    public string? Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
