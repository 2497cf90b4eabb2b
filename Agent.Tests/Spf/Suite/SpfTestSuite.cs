using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ExchangeSpfAgent.Spf;
using YamlDotNet.RepresentationModel;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// The scenarios of an SPF test suite file in the openspf YAML format, one YAML document per scenario.
/// </summary>
/// <remarks>
/// Byte escapes such as "\xEF" become the characters U+0000 to U+00FF, so each character stands for one
/// byte (Latin-1), as the suite intends for its non-ASCII tests.
/// </remarks>
public sealed class SpfTestSuite
{
    private SpfTestSuite(IReadOnlyList<SpfSuiteScenario> scenarios)
    {
        Scenarios = scenarios;
    }

    public IReadOnlyList<SpfSuiteScenario> Scenarios { get; }

    /// <summary>Every test of every scenario, in file order.</summary>
    public IEnumerable<SpfSuiteCase> Cases => Scenarios.SelectMany(scenario => scenario.Cases);

    /// <summary>Reads a suite file.</summary>
    /// <exception cref="InvalidDataException">The file does not follow the suite format.</exception>
    public static SpfTestSuite Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Parses suite text.</summary>
    /// <exception cref="InvalidDataException">The text does not follow the suite format.</exception>
    public static SpfTestSuite Parse(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        var scenarios = new List<SpfSuiteScenario>();
        foreach (YamlDocument document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root)
            {
                scenarios.Add(ReadScenario(root));
            }
        }

        return new SpfTestSuite(scenarios);
    }

    private static SpfSuiteScenario ReadScenario(YamlMappingNode root)
    {
        string description = ScalarOrNull(root, "description") ?? "(no description)";
        var zone = new SpfZoneData();
        if (Child(root, "zonedata") is YamlMappingNode zoneNode)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> name in zoneNode.Children)
            {
                ReadZoneEntries(zone, Scalar(name.Key), name.Value);
            }
        }

        var scenario = new SpfSuiteScenario(description, zone);
        if (Child(root, "tests") is YamlMappingNode tests)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> test in tests.Children)
            {
                scenario.AddCase(ReadCase(scenario, Scalar(test.Key), (YamlMappingNode)test.Value));
            }
        }

        return scenario;
    }

    private static SpfSuiteCase ReadCase(SpfSuiteScenario scenario, string name, YamlMappingNode node)
    {
        YamlNode resultNode = Child(node, "result")
            ?? throw new InvalidDataException($"The test '{name}' has no result.");
        IEnumerable<string> resultNames = resultNode is YamlSequenceNode list
            ? list.Children.Select(Scalar)
            : new[] { Scalar(resultNode) };
        var results = new List<SpfResult>();
        foreach (string resultName in resultNames)
        {
            if (!SpfResultNames.TryParse(resultName, out SpfResult result))
            {
                throw new InvalidDataException($"The test '{name}' expects the unknown result '{resultName}'.");
            }

            results.Add(result);
        }

        return new SpfSuiteCase(
            name,
            scenario,
            ScalarOrNull(node, "host") ?? throw new InvalidDataException($"The test '{name}' has no host."),
            ScalarOrNull(node, "helo") ?? "",
            ScalarOrNull(node, "mailfrom") ?? "",
            results,
            ScalarOrNull(node, "explanation"),
            ScalarOrNull(node, "spec"),
            ScalarOrNull(node, "description"));
    }

    private static void ReadZoneEntries(SpfZoneData zone, string name, YamlNode entries)
    {
        if (entries is not YamlSequenceNode sequence)
        {
            throw new InvalidDataException($"The zone data of '{name}' is not a list.");
        }

        foreach (YamlNode item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && scalar.Value == ZoneEntry.TimeoutType)
            {
                zone.Add(name, ZoneEntry.Timeout);
                continue;
            }

            if (item is not YamlMappingNode mapping || mapping.Children.Count != 1)
            {
                throw new InvalidDataException($"The zone data of '{name}' has an entry that is not 'TYPE: value'.");
            }

            KeyValuePair<YamlNode, YamlNode> pair = mapping.Children.First();
            string type = Scalar(pair.Key).ToUpperInvariant();
            zone.Add(name, ReadEntry(type, pair.Value));
        }
    }

    private static ZoneEntry ReadEntry(string type, YamlNode value)
    {
        if (value is YamlScalarNode scalar)
        {
            string text = scalar.Value ?? "";
            if (text == "NONE")
            {
                return ZoneEntry.None(type);
            }

            return ZoneEntry.Record(type, text);
        }

        if (value is YamlSequenceNode sequence)
        {
            // A TXT or SPF list is one record of several character-strings; an MX list is [preference, exchange].
            return ZoneEntry.Record(type, sequence.Children.Select(Scalar).ToArray());
        }

        throw new InvalidDataException($"The {type} entry has a value that is neither text nor a list.");
    }

    private static YamlNode? Child(YamlMappingNode node, string key)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> pair in node.Children)
        {
            if (pair.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static string? ScalarOrNull(YamlMappingNode node, string key) =>
        Child(node, key) is YamlScalarNode scalar ? scalar.Value ?? "" : null;

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new InvalidDataException(
            string.Format(CultureInfo.InvariantCulture, "Expected text at line {0}.", node.Start.Line));
}
