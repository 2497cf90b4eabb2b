using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary><c>spfagent check</c> run as a process against the sample zone files.</summary>
public sealed class CheckCommandTests
{
    private static ToolResult Check(params string[] arguments) =>
        ToolRunner.Run(new[] { "check", "--zone", ToolRunner.SampleZones }.Concat(arguments).ToArray());

    [Fact]
    public void CheckShowsEachIdentity()
    {
        ToolResult result = Check("--ip", "203.0.113.10", "--mail-from", "alice@bigmail.example", "--helo", "mx1.bigmail.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split('\n');
        int helo = Array.IndexOf(lines, "HELO identity: postmaster@mx1.bigmail.example");
        int mailFrom = Array.IndexOf(lines, "MAIL FROM identity: alice@bigmail.example");
        Assert.True(helo > 0, result.Output);
        Assert.True(mailFrom > helo, result.Output);
        Assert.Equal("  Result:       pass", lines[helo + 1]);
        Assert.Equal("  Mechanism:    a", lines[helo + 3]);
        Assert.Equal("  Result:       pass", lines[mailFrom + 1]);
        Assert.Equal("  Mechanism:    include:_spf.bigmail.example", lines[mailFrom + 3]);
        Assert.StartsWith("  DNS:          3 lookups (0 from the cache); DNS terms 2 of 10; void lookups 0 of 2;", lines[mailFrom + 4], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRecordNamesNoDefault()
    {
        ToolResult result = Check("--ip", "192.0.2.99", "--mail-from", "ceo@woodgrovebank.example", "--helo", "mail.woodgrovebank.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split('\n');
        int helo = Array.IndexOf(lines, "HELO identity: postmaster@mail.woodgrovebank.example");
        Assert.True(helo > 0, result.Output);
        Assert.Equal("  Result:       none", lines[helo + 1]);
        Assert.Equal("  Mechanism:    (none: see the problem)", lines[helo + 3]);
        Assert.Contains("  DNS:          1 lookup (0 from the cache);", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailShowsExplanation()
    {
        ToolResult result = Check("--ip", "192.0.2.99", "--mail-from", "ceo@woodgrovebank.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  Result:       fail\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  Mechanism:    -all\n", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "  Explanation:  192.0.2.99 is not allowed to send mail for woodgrovebank.example. See https://woodgrovebank.example/email\n",
            result.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("HELO identity", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceListsEveryTerm()
    {
        ToolResult result = Check("--ip", "203.0.113.150", "--mail-from", "marketing@adatum.example", "--trace");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  Result:       permerror\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("limit of 10 terms", result.Output, StringComparison.Ordinal);
        Assert.Contains("  Trace:\n", result.Output, StringComparison.Ordinal);
        for (int index = 1; index <= 10; index++)
        {
            Assert.Contains($"adatum.example include:s{index}._spf.adatum.example:", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutTraceNoTermsShown()
    {
        ToolResult result = Check("--ip", "203.0.113.150", "--mail-from", "marketing@adatum.example");

        Assert.DoesNotContain("Trace:", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<>")]
    [InlineData("")]
    public void NullSenderChecksPostmasterAtHelo(string mailFrom)
    {
        ToolResult result = Check("--ip", "203.0.113.10", "--mail-from", mailFrom, "--helo", "mx1.bigmail.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("MAIL FROM:    <> (null sender)\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("MAIL FROM identity: postmaster@mx1.bigmail.example\n", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<>")]
    [InlineData("")]
    [InlineData(" <> ")]
    public void NullSenderWithoutHeloIsUsageError(string mailFrom)
    {
        ToolResult result = Check("--ip", "203.0.113.10", "--mail-from", mailFrom);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("spfagent: The null sender", result.Error, StringComparison.Ordinal);
        Assert.Contains("--helo", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void NullSenderWithBlankHeloIsUsageError()
    {
        ToolResult result = Check("--ip", "203.0.113.10", "--mail-from", "<>", "--helo", " ");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--helo", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void MappedAddressIsCheckedAsIpv4()
    {
        ToolResult result = Check("--ip", "::ffff:192.0.2.10", "--mail-from", "a@woodgrovebank.example");

        Assert.Contains("Client IP:    192.0.2.10\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  Result:       pass\n", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--zone", "samples/zones", "--mail-from", "a@b.example")]
    [InlineData("check", "--zone", "samples/zones", "--ip", "192.0.2.300", "--mail-from", "a@b.example")]
    [InlineData("check", "--dns-server", "dns.example", "--ip", "192.0.2.1", "--mail-from", "a@b.example")]
    [InlineData("check", "--dns-server", "127.0.0.1:99999", "--ip", "192.0.2.1", "--mail-from", "a@b.example")]
    [InlineData("check", "--dns-server", "127.0.0.1", "--zone", "samples/zones", "--ip", "192.0.2.1", "--mail-from", "a@b.example")]
    [InlineData("check", "--jsonl", "--ip", "192.0.2.1")]
    [InlineData("check", "--jsonl", "--trace")]
    [InlineData("check", "--bogus")]
    [InlineData("frobnicate")]
    public void InvalidCommandLineExitsWithUsage(params string[] arguments)
    {
        ToolResult result = ToolRunner.Run(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("spfagent: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void InvalidZoneFileNamesFileAndLine()
    {
        string folder = Path.Combine(Path.GetTempPath(), "spfagent-zone-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string zone = Path.Combine(folder, "broken.example.zone");
            File.WriteAllText(zone, "$TTL 60\n@ IN SOA ns hostmaster 1 2 3 4 5\n\nwww IN A 192.0.2.256\n");

            ToolResult result = ToolRunner.Run("check", "--zone", zone, "--ip", "192.0.2.1", "--mail-from", "a@broken.example");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"Invalid zone file {zone} on line 4:", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingConfigurationIsInvalidInput()
    {
        ToolResult result = Check("--ip", "192.0.2.1", "--mail-from", "a@bigmail.example", "--config", "no-such-file.xml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no-such-file.xml does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsCommands()
    {
        ToolResult result = ToolRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "check", "replay", "config", "report" })
        {
            Assert.Contains("  " + command, result.Output, StringComparison.Ordinal);
        }
    }
}
