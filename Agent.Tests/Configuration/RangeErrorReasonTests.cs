using System;
using ExchangeSpfAgent.Configuration;
using Xunit;

namespace ExchangeSpfAgent.Tests.Configuration;

/// <summary>
/// The parser's reason in the error of an invalid <c>Range</c>. The reason quotes the value, so it must show the value
/// as the rest of the message does, without control characters and cut to 200 characters.
/// </summary>
public sealed class RangeErrorReasonTests
{
    // Columns: section, list element. The rows are every range list of the configuration schema.
    public static TheoryData<string, string> RangeLists => new()
    {
        { "Origin", "TrustedRelays" },
        { "Origin", "SkipList" },
        { "Bypass", "Origins" },
    };

    [Theory]
    [MemberData(nameof(RangeLists))]
    public void RangeReasonEchoesNoControlCharacters(string section, string list)
    {
        ConfigurationException error = ParseRange(section, list, "garbage&#xA;&#x9;/24");

        Assert.Equal($"{section}/{list}/Range", error.Element);
        Assert.Contains("is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RangeLists))]
    public void RangeReasonShortensLongValue(string section, string list)
    {
        string value = new string('x', 300);

        ConfigurationException error = ParseRange(section, list, value);

        Assert.Equal(value, error.Value);
        Assert.Contains("is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 201), error.Message, StringComparison.Ordinal);
    }

    private static ConfigurationException ParseRange(string section, string list, string value) =>
        Assert.Throws<ConfigurationException>(() => AgentConfigurationLoader.Parse(
            ConfigurationXml.Document($"<{section}><{list}>\n<Range>{value}</Range>\n</{list}></{section}>")));
}
