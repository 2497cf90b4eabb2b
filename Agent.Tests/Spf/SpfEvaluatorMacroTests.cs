using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Checks the macro values that the evaluator derives from its arguments (RFC 7208 §4.3, §7.3).
/// </summary>
public sealed class SpfEvaluatorMacroTests
{
    private const string Client = "192.0.2.1";

    [Theory]
    [InlineData("exists:%{h}.allow.example.com", "user@example.com", "mail.example.com.", SpfResult.Pass)]
    [InlineData("exists:%{h}.allow.example.com", "user@example.com", "mail.example.com", SpfResult.Pass)]
    [InlineData("exists:%{h}.allow.example.com", "user@example.com", "mail.example.com..", SpfResult.Fail)]
    [InlineData("exists:%{o}.allow.example.com", "user@example.com.", "mail.example.com", SpfResult.Pass)]
    [InlineData("exists:%{l}.%{o}.allow.example.com", "user@example.com.", "mail.example.com", SpfResult.Pass)]
    public async Task TrailingDot_DroppedFromMacroValues(string term, string mailFrom, string helo, SpfResult expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", $"v=spf1 {term} -all")
            .AddA("mail.example.com.allow.example.com", "127.0.0.2")
            .AddA("example.com.allow.example.com", "127.0.0.2")
            .AddA("user.example.com.allow.example.com", "127.0.0.2");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, mailFrom, helo);

        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData("user@example.com.", "mail.example.com.", "user@example.com user example.com mail.example.com")]
    [InlineData("", "example.com.", "postmaster@example.com postmaster example.com example.com")]
    [InlineData("<>", "example.com.", "postmaster@example.com postmaster example.com example.com")]
    public async Task TrailingDot_DroppedFromExplanation(string mailFrom, string helo, string expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{s} %{l} %{o} %{h}");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, mailFrom, helo);

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(expected, result.Explanation);
        Assert.Equal(expected.Substring(0, expected.IndexOf(' ')), result.Sender);
    }

    [Fact]
    public async Task TrailingDot_DroppedFromHeloIdentity()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("helo.example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{s} %{o} %{h}");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckHeloAsync(IPAddress.Parse(Client), "helo.example.com.");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("postmaster@helo.example.com", result.Sender);
        Assert.Equal("helo.example.com", result.Domain);
        Assert.Equal("postmaster@helo.example.com helo.example.com helo.example.com", result.Explanation);
    }

    [Theory]
    [InlineData("example.com", "postmaster@example.com postmaster example.com")]
    [InlineData("@example.com", "postmaster@example.com postmaster example.com")]
    [InlineData("example.com.", "postmaster@example.com postmaster example.com")]
    [InlineData("user@example.com", "user@example.com user example.com")]
    public async Task CheckHost_SenderWithoutLocalPartIsPostmaster(string sender, string expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{s} %{l} %{o}");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckHostAsync(
            IPAddress.Parse(Client), "example.com", sender, "helo.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(expected, result.Explanation);
        Assert.Equal(expected.Substring(0, expected.IndexOf(' ')), result.Sender);
    }

    [Theory]
    [InlineData(5L)]
    [InlineData(0L)]
    public async Task ScopedIpv6Client_ReadableAddressHasNoZoneIndex(long scopeId)
    {
        var client = new IPAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), scopeId);
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 ip6:fe80::2 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{c}");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckMailFromAsync(client, "user@example.com", "mail.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("fe80::1", result.Explanation);
    }

    [Fact]
    public async Task ScopedIpv6Client_MatchesIp6Mechanism()
    {
        var client = new IPAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), 5);
        SpfZoneData zone = new SpfZoneData().AddTxt("example.com", "v=spf1 ip6:fe80::1 -all");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckMailFromAsync(client, "user@example.com", "mail.example.com");

        Assert.Equal(SpfResult.Pass, result.Result);
    }
}
