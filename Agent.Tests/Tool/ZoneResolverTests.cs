using System;
using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tool.Zones;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>The offline resolver that returns what an authoritative server for the zone files would.</summary>
public sealed class ZoneResolverTests
{
    private static readonly ZoneResolver s_resolver = new(new[]
    {
        ZoneFileParser.Parse(
            """
            $TTL 600
            @        IN SOA ns1 hostmaster 1 7200 900 1209600 120
            @        IN TXT "v=spf1 mx -all"
            @        IN MX  20 mail2
            @        IN MX  10 mail1
            mail1    IN A   192.0.2.1
            mail2 60 IN A   192.0.2.2
            mail2    IN AAAA 2001:db8::2
            alias 30 IN CNAME mail1
            outside  IN CNAME host.sub.example.net.
            loop1    IN CNAME loop2
            loop2    IN CNAME loop1
            leaf.branch IN A 192.0.2.3
            *.wild   IN TXT "wildcard"
            exact.wild IN A 192.0.2.4
            """,
            "example.com.zone",
            "example.com"),
        ZoneFileParser.Parse("$TTL 60\n@ IN SOA ns1 hostmaster 1 2 3 4 30\nhost IN A 198.51.100.1\n", "sub.example.net.zone", "sub.example.net"),
    });

    private static DnsLookupResult Resolve(string name, DnsQueryType type) =>
        s_resolver.ResolveAsync(name, type).GetAwaiter().GetResult();

    [Fact]
    public void AnswerHasRecordsAndLeastTtl()
    {
        DnsLookupResult result = Resolve("example.com", DnsQueryType.Mx);

        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.Equal(new[] { "mail2.example.com", "mail1.example.com" }, result.Strings);
        Assert.Equal(TimeSpan.FromSeconds(600), result.TimeToLive);
    }

    [Fact]
    public void NamesMatchWithoutCaseOrTrailingDot()
    {
        DnsLookupResult result = Resolve("MAIL2.Example.COM.", DnsQueryType.A);

        Assert.Equal(IPAddress.Parse("192.0.2.2"), Assert.Single(result.Addresses));
        Assert.Equal(TimeSpan.FromSeconds(60), result.TimeToLive);
    }

    [Fact]
    public void MissingTypeIsNoDataWithNegativeTtl()
    {
        DnsLookupResult result = Resolve("mail1.example.com", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.NoData, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.TimeToLive);
    }

    [Fact]
    public void EmptyNonTerminalIsNoData()
    {
        Assert.Equal(DnsResponseStatus.NoData, Resolve("branch.example.com", DnsQueryType.A).Status);
    }

    [Fact]
    public void MissingNameIsNxDomain()
    {
        DnsLookupResult result = Resolve("nothing.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.NxDomain, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.TimeToLive);
    }

    [Fact]
    public void CnameIsFollowedWithChainTtl()
    {
        DnsLookupResult result = Resolve("alias.example.com", DnsQueryType.A);

        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.Single(result.Addresses));
        Assert.Equal(TimeSpan.FromSeconds(30), result.TimeToLive);
    }

    [Fact]
    public void CnameIsFollowedIntoOtherZone()
    {
        Assert.Equal(IPAddress.Parse("198.51.100.1"), Assert.Single(Resolve("outside.example.com", DnsQueryType.A).Addresses));
    }

    [Fact]
    public void CnameLoopIsTemporaryFailure()
    {
        DnsLookupResult result = Resolve("loop1.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal("CNAME loop", result.FailureReason);
    }

    [Theory]
    [InlineData("any.wild.example.com", DnsResponseStatus.Answer)]
    [InlineData("deep.any.wild.example.com", DnsResponseStatus.Answer)]
    [InlineData("exact.wild.example.com", DnsResponseStatus.NoData)]
    [InlineData("below.exact.wild.example.com", DnsResponseStatus.NxDomain)]
    public void WildcardCoversOnlyMissingNames(string name, DnsResponseStatus expected)
    {
        DnsLookupResult result = Resolve(name, DnsQueryType.Txt);

        Assert.Equal(expected, result.Status);
        if (expected == DnsResponseStatus.Answer)
        {
            Assert.Equal("wildcard", Assert.Single(result.Strings));
        }
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("com")]
    [InlineData("other.example.net")]
    public void NameOutsideZonesIsRefused(string name)
    {
        DnsLookupResult result = Resolve(name, DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal(DnsFailureReasons.Refused, result.FailureReason);
    }

    [Fact]
    public void SameZoneTwiceIsRejected()
    {
        ZoneFile first = ZoneFileParser.Parse("$TTL 60\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n", "a/x.example.zone", "x.example");
        ZoneFile second = ZoneFileParser.Parse("$TTL 60\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n", "b/x.example.zone", "x.example");

        ZoneFileException exception = Assert.Throws<ZoneFileException>(() => new ZoneResolver(new[] { first, second }));

        Assert.Contains("a/x.example.zone", exception.Message, StringComparison.Ordinal);
        Assert.Contains("b/x.example.zone", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpfEvaluatesAgainstZones()
    {
        var evaluator = new SpfEvaluator(s_resolver, SpfEvaluatorOptions.Default);

        SpfCheckResult pass = await evaluator.CheckMailFromAsync(IPAddress.Parse("192.0.2.2"), "a@example.com", "mail2.example.com");
        SpfCheckResult fail = await evaluator.CheckMailFromAsync(IPAddress.Parse("192.0.2.9"), "a@example.com", "x.example.com");

        Assert.Equal(SpfResult.Pass, pass.Result);
        Assert.Equal(SpfResult.Fail, fail.Result);
        Assert.Equal("mx", pass.Mechanism);
    }
}
