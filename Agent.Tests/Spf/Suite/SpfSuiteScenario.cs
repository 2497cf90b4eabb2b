using System.Collections.Generic;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// One scenario (YAML document) of the SPF test suite: its tests and the zone data they share.
/// </summary>
public sealed class SpfSuiteScenario
{
    private readonly List<SpfSuiteCase> _cases = new();

    public SpfSuiteScenario(string description, SpfZoneData zone)
    {
        Description = description;
        Zone = zone;
    }

    public string Description { get; }

    public SpfZoneData Zone { get; }

    public IReadOnlyList<SpfSuiteCase> Cases => _cases;

    internal void AddCase(SpfSuiteCase suiteCase) => _cases.Add(suiteCase);
}
