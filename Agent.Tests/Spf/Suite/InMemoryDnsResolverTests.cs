using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

public sealed class InMemoryDnsResolverTests
{
    private const string Yaml = @"
description: resolver conventions
tests:
  sample:
    host: 192.0.2.1
    helo: mail.example.com
    mailfrom: user@example.com
    result: [pass, fail]
    explanation: text
zonedata:
  Mixed.Example.com:
    - A: 192.0.2.1
    - AAAA: 2001:db8::1
    - MX: [10, mx.example.com.]
    - SPF: v=spf1 -all
  split.example.com:
    - TXT: [ 'v=spf1 ', 'ip4:192.0.2.1', ' -all' ]
  empty.example.com:
    - SPF: [ ]
  both.example.com:
    - SPF: v=spf1 +all
    - TXT: v=spf1 -all
  none.example.com:
    - SPF: v=spf1 +all
    - TXT: NONE
  late.example.com:
    - TXT: v=spf1 -all
    - TIMEOUT
  early.example.com:
    - TIMEOUT
    - TXT: v=spf1 -all
  alias.example.com:
    - CNAME: mixed.example.com.
  loop.example.com:
    - CNAME: LOOP.example.com.
  bytes.example.com:
    - TXT: ""v=spf1 \xEF\xBB\xBF""
";

    [Fact]
    public void Parse_ReadsScenarioAndCase()
    {
        SpfTestSuite suite = SpfTestSuite.Parse(new StringReader(Yaml));

        SpfSuiteCase suiteCase = suite.Cases.Single();
        Assert.Equal("sample", suiteCase.Name);
        Assert.Equal("resolver conventions", suiteCase.Scenario.Description);
        Assert.Equal(new[] { SpfResult.Pass, SpfResult.Fail }, suiteCase.ExpectedResults);
        Assert.Equal("text", suiteCase.Explanation);
        Assert.Equal("user@example.com", suiteCase.MailFrom);
    }

    [Theory]
    [InlineData("mixed.example.com", "v=spf1 -all")]
    [InlineData("MIXED.EXAMPLE.COM.", "v=spf1 -all")]
    [InlineData("split.example.com", "v=spf1 ip4:192.0.2.1 -all")]
    [InlineData("empty.example.com", "")]
    [InlineData("both.example.com", "v=spf1 -all")]
    [InlineData("late.example.com", "v=spf1 -all")]
    [InlineData("alias.example.com", "v=spf1 -all")]
    [InlineData("bytes.example.com", "v=spf1 \u00EF\u00BB\u00BF")]
    public async Task Resolve_AnswersTxt(string name, string expected)
    {
        DnsLookupResult answer = await CreateResolver().ResolveAsync(name, DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.Answer, answer.Status);
        Assert.Equal(expected, Assert.Single(answer.Strings));
    }

    [Theory]
    [InlineData("none.example.com", DnsQueryType.Txt, DnsResponseStatus.NoData)]
    [InlineData("mixed.example.com", DnsQueryType.Ptr, DnsResponseStatus.NoData)]
    [InlineData("absent.example.com", DnsQueryType.Txt, DnsResponseStatus.NxDomain)]
    [InlineData("error.example.com", DnsQueryType.A, DnsResponseStatus.TemporaryFailure)]
    [InlineData("late.example.com", DnsQueryType.A, DnsResponseStatus.TemporaryFailure)]
    [InlineData("early.example.com", DnsQueryType.Txt, DnsResponseStatus.TemporaryFailure)]
    [InlineData("loop.example.com", DnsQueryType.A, DnsResponseStatus.TemporaryFailure)]
    public async Task Resolve_ReportsStatus(string name, DnsQueryType type, DnsResponseStatus expected)
    {
        DnsLookupResult answer = await CreateResolver().ResolveAsync(name, type);

        Assert.Equal(expected, answer.Status);
    }

    [Fact]
    public async Task Resolve_AnswersAddressAndMx()
    {
        InMemoryDnsResolver resolver = CreateResolver();

        DnsLookupResult a = await resolver.ResolveAsync("alias.example.com", DnsQueryType.A);
        DnsLookupResult aaaa = await resolver.ResolveAsync("mixed.example.com", DnsQueryType.Aaaa);
        DnsLookupResult mx = await resolver.ResolveAsync("mixed.example.com", DnsQueryType.Mx);

        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.Single(a.Addresses));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), Assert.Single(aaaa.Addresses));
        Assert.Equal("mx.example.com", Assert.Single(mx.Strings));
        Assert.Equal(3, resolver.Queries.Count);
    }

    private static InMemoryDnsResolver CreateResolver() =>
        new(SpfTestSuite.Parse(new StringReader(Yaml)).Scenarios.Single().Zone);
}
