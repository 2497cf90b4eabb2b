using System;
using System.IO;
using ExchangeSpfAgent.Configuration;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary><c>spfagent config validate</c> and <c>spfagent config show</c> run as a process.</summary>
public sealed class ConfigCommandTests
{
    private const string Root = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ExchangeSpfAgent>\n";

    [Fact]
    public void SampleConfigurationIsValid()
    {
        ToolResult result = ToolRunner.Run("config", "validate", ToolRunner.SampleConfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ToolRunner.SampleConfig + " is valid.\n", result.Output);
    }

    [Fact]
    public void ShippedConfigurationIsValid()
    {
        string shipped = Path.Combine(ToolRunner.Samples, "..", "Agent", AgentConfigurationLoader.FileName);

        Assert.Equal(0, ToolRunner.Run("config", "validate", shipped).ExitCode);
    }

    [Theory]
    [InlineData("  <Mode>Sometimes</Mode>\n", "Mode", 3, "Sometimes")]
    [InlineData("  <Origin>\n    <TrustedRelays>\n      <Range>198.51.100.300</Range>\n    </TrustedRelays>\n  </Origin>\n", "Origin/TrustedRelays/Range", 5, "198.51.100.300")]
    [InlineData("  <Dns>\n    <QueryTimeout>soon</QueryTimeout>\n  </Dns>\n", "Dns/QueryTimeout", 4, "soon")]
    [InlineData("  <Actions>\n    <MailFrom>\n      <Fail>Explode</Fail>\n    </MailFrom>\n  </Actions>\n", "Actions/MailFrom/Fail", 5, "Explode")]
    [InlineData("  <Bogus>1</Bogus>\n", "Bogus", 3, null)]
    public void InvalidSettingNamesElementAndLine(string body, string element, int line, string? value)
    {
        string file = WriteTemporary(Root + body + "</ExchangeSpfAgent>\n");
        try
        {
            ToolResult result = ToolRunner.Run("config", "validate", file);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"Invalid configuration in {file} on line {line}: <{element}>", result.Error, StringComparison.Ordinal);
            if (value is not null)
            {
                Assert.Contains($"'{value}'", result.Error, StringComparison.Ordinal);
            }

            Assert.Equal(string.Empty, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MalformedXmlNamesLine()
    {
        string file = WriteTemporary(Root + "  <Mode>Enforce</Mod>\n</ExchangeSpfAgent>\n");
        try
        {
            ToolResult result = ToolRunner.Run("config", "validate", file);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"Invalid configuration in {file} on line 3:", result.Error, StringComparison.Ordinal);
            Assert.Contains("not well-formed XML", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MissingFileIsInvalidInput()
    {
        ToolResult result = ToolRunner.Run("config", "validate", "no-such-config.xml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no-such-config.xml does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowFillsDefaultsAndReadsBack()
    {
        ToolResult result = ToolRunner.Run("config", "show", "--config", ToolRunner.SampleConfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<Range>198.51.100.10/32</Range>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<Fail>Discard</Fail>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<TimeBudget>00:00:20</TimeBudget>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<MaxCacheEntries>10000</MaxCacheEntries>", result.Output, StringComparison.Ordinal);

        AgentSettings reread = AgentConfigurationLoader.Parse(result.Output);
        AgentSettings sample = AgentConfigurationLoader.Load(ToolRunner.SampleConfig);
        Assert.Equal(sample.Origin.TrustedRelays.ToString(), reread.Origin.TrustedRelays.ToString());
        Assert.Equal(sample.Actions.Helo.Fail, reread.Actions.Helo.Fail);
        Assert.Equal(sample.Headers.AuthServId, reread.Headers.AuthServId);
        Assert.Equal(sample.Origin.SkipList.ToString(), reread.Origin.SkipList.ToString());
    }

    [Fact]
    public void ShowWithoutConfigPrintsDefaults()
    {
        ToolResult result = ToolRunner.Run("config", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Effective settings of the defaults", result.Output, StringComparison.Ordinal);
        Assert.Contains("<Mode>Enforce</Mode>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<TrustedRelays />", result.Output, StringComparison.Ordinal);
    }

    private static string WriteTemporary(string text)
    {
        string file = Path.Combine(Path.GetTempPath(), "spfagent-config-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(file, text);
        return file;
    }
}
