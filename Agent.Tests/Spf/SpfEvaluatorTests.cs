using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class SpfEvaluatorTests
{
    private const string Client = "192.0.2.1";

    [Theory]
    [InlineData("")]
    [InlineData("<>")]
    [InlineData("  ")]
    public async Task CheckMailFrom_NullSenderChecksPostmasterAtHelo(string mailFrom)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("helo.example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{s} %{l} %{o} %{d} %{h}");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, mailFrom, "helo.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(SpfIdentity.MailFrom, result.Identity);
        Assert.Equal("postmaster@helo.example.com", result.Sender);
        Assert.Equal("helo.example.com", result.Domain);
        Assert.Equal(
            "postmaster@helo.example.com postmaster helo.example.com helo.example.com helo.example.com",
            result.Explanation);
    }

    [Theory]
    [InlineData("@example.com", "postmaster@example.com", "postmaster")]
    [InlineData("<user@example.com>", "user@example.com", "user")]
    [InlineData("\"a@b\"@example.com", "\"a@b\"@example.com", "\"a@b\"")]
    [InlineData("Macro Error@example.com", "Macro Error@example.com", "Macro Error")]
    public async Task CheckMailFrom_SplitsSender(string mailFrom, string sender, string localPart)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{l}");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, mailFrom);

        Assert.Equal(sender, result.Sender);
        Assert.Equal(localPart, result.Explanation);
    }

    [Fact]
    public async Task CheckHelo_ChecksPostmasterAtHelo()
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("helo.example.com", "v=spf1 ip4:192.0.2.1 -all");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckHeloAsync(IPAddress.Parse(Client), "helo.example.com");

        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal(SpfIdentity.Helo, result.Identity);
        Assert.Equal("postmaster@helo.example.com", result.Sender);
        Assert.Equal("ip4:192.0.2.1", result.Mechanism);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("OEMCOMPUTER")]
    [InlineData("[192.0.2.1]")]
    [InlineData("192.0.2.1")]
    [InlineData("")]
    public async Task CheckHelo_NonFqdnIsNoneWithoutQueries(string helo)
    {
        var resolver = new InMemoryDnsResolver(new SpfZoneData());
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckHeloAsync(IPAddress.Parse(Client), helo);

        Assert.Equal(SpfResult.None, result.Result);
        Assert.NotNull(result.Problem);
        Assert.Empty(resolver.Queries);
    }

    [Fact]
    public async Task CheckHost_UsesGivenDomainAndSender()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("other.example.net", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "%{d} %{o} %{l}");
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(zone), SpfTestHarness.Options());

        SpfCheckResult result = await evaluator.CheckHostAsync(
            IPAddress.Parse(Client), "other.example.net", "user@example.com", "helo.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("other.example.net", result.Domain);
        Assert.Equal("other.example.net example.com user", result.Explanation);
    }

    [Fact]
    public async Task CheckMailFrom_ConvertsInternationalizedDomain()
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("xn--bcher-kva.example", "v=spf1 +all");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, "user@b\u00FCcher.example");

        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal("xn--bcher-kva.example", result.Domain);
    }

    [Theory]
    [InlineData("v=spf1 ip4:192.0.2.1 -all", SpfResult.Pass)]
    [InlineData("v=spf1 ip6:::ffff:192.0.2.1 -all", SpfResult.Fail)]
    [InlineData("v=spf1 ip6:::/0 -all", SpfResult.Fail)]
    [InlineData("v=spf1 a -all", SpfResult.Pass)]
    [InlineData("v=spf1 a:v6.example.com//0 -all", SpfResult.Fail)]
    public async Task MappedClient_IsEvaluatedAsIpv4(string record, SpfResult expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddA("example.com", "192.0.2.1")
            .AddAaaa("example.com", "2001:db8::1")
            .AddAaaa("v6.example.com", "::ffff:192.0.2.1");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, record, "::ffff:192.0.2.1");

        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public async Task MappedClient_QueriesARecordsOnly()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 a mx -all")
            .AddAaaa("example.com", "::ffff:192.0.2.1")
            .AddMx("example.com", 10, "mx.example.com")
            .AddA("mx.example.com", "192.0.2.9");
        var resolver = new InMemoryDnsResolver(zone);
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options());

        SpfCheckResult result = await CheckAsync(evaluator, "::ffff:192.0.2.1");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.DoesNotContain(resolver.Queries, query => query.Type == DnsQueryType.Aaaa);
    }

    [Theory]
    [InlineData("2001:db8::1", SpfResult.Pass)]
    [InlineData("2001:db8::2", SpfResult.Fail)]
    [InlineData("192.0.2.1", SpfResult.Fail)]
    public async Task Ipv6Client_MatchesAaaaRecords(string client, SpfResult expected)
    {
        SpfZoneData zone = new SpfZoneData().AddAaaa("example.com", "2001:db8::1").AddA("example.com", "192.0.2.9");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 a -all", client);

        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData("v=spf1 +all", SpfResult.Pass, "+all")]
    [InlineData("v=spf1 -all", SpfResult.Fail, "-all")]
    [InlineData("v=spf1 ~all", SpfResult.SoftFail, "~all")]
    [InlineData("v=spf1 ?all", SpfResult.Neutral, "?all")]
    [InlineData("v=spf1 ip4:192.0.2.0/24 -all", SpfResult.Pass, "ip4:192.0.2.0/24")]
    [InlineData("v=spf1 ip4:198.51.100.0/24", SpfResult.Neutral, null)]
    [InlineData("v=spf1", SpfResult.Neutral, null)]
    public async Task Check_ReportsResultAndDecidingMechanism(string record, SpfResult expected, string? mechanism)
    {
        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(new SpfZoneData(), record);

        Assert.Equal(expected, result.Result);
        Assert.Equal(mechanism, result.Mechanism);
        Assert.Null(result.Problem);
        Assert.Equal("example.com", result.Domain);
        Assert.Equal(1, result.DnsQueryCount);
    }

    [Theory]
    [InlineData("v=spf1 moo", SpfResult.PermError)]
    [InlineData("v=spf1 include:nothing.example.com", SpfResult.PermError)]
    [InlineData("v=spf1 redirect=nothing.example.com", SpfResult.PermError)]
    [InlineData("v=spf1 a:error.example.com", SpfResult.TempError)]
    [InlineData("v=spf1 mx:error.example.com", SpfResult.TempError)]
    [InlineData("v=spf1 exists:error.example.com", SpfResult.TempError)]
    [InlineData("v=spf1 include:error.example.com", SpfResult.TempError)]
    public async Task Check_ReportsProblemForErrors(string record, SpfResult expected)
    {
        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(new SpfZoneData(), record);

        Assert.Equal(expected, result.Result);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    [Fact]
    public async Task Check_PtrDnsErrorDoesNotMatch()
    {
        SpfZoneData zone = new SpfZoneData().AddTimeout("1.2.0.192.in-addr.arpa");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 ptr ?all");

        Assert.Equal(SpfResult.Neutral, result.Result);
        Assert.Equal("?all", result.Mechanism);
    }

    [Theory]
    [InlineData("error.example.com", SpfResult.TempError)]
    [InlineData("nothing.example.com", SpfResult.None)]
    [InlineData("nodata.example.com", SpfResult.None)]
    [InlineData("multiple.example.com", SpfResult.PermError)]
    [InlineData("other.example.com", SpfResult.None)]
    public async Task Check_RecordLookupOutcomes(string domain, SpfResult expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddA("nodata.example.com", "192.0.2.9")
            .AddTxt("multiple.example.com", "v=spf1 -all")
            .AddTxt("multiple.example.com", "V=SPF1 +all")
            .AddTxt("other.example.com", "v=spf10 +all")
            .AddTxt("other.example.com", "google-site-verification=abc");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(zone, Client, "user@" + domain);

        Assert.Equal(expected, result.Result);
        Assert.Contains(domain, result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v=spf1 ip4:192.0.2.1 -all", SpfResult.Pass)]
    [InlineData("v=spf1 -all", SpfResult.SoftFail)]
    [InlineData("v=spf1 ~all", SpfResult.SoftFail)]
    [InlineData("v=spf1 ?all", SpfResult.SoftFail)]
    [InlineData("v=spf1 a:error.example.com", SpfResult.TempError)]
    [InlineData("v=spf1 moo", SpfResult.PermError)]
    public async Task Include_MapsNestedResult(string included, SpfResult expected)
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("inc.example.com", included);

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 include:inc.example.com ~all");

        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public async Task Include_UsesIncludedDomainAsCurrentDomain()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("inc.example.com", "v=spf1 a -all")
            .AddA("inc.example.com", Client)
            .AddA("example.com", "192.0.2.99");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 include:inc.example.com -all");

        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal("include:inc.example.com", result.Mechanism);
    }

    [Fact]
    public async Task Redirect_UsesTargetResultAndExplanation()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("target.example.com", "v=spf1 a:%{d} -all exp=why.%{d}")
            .AddTxt("why.target.example.com", "from %{d} for %{o}")
            .AddTxt("why.example.com", "not this one");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(
            zone, "v=spf1 exp=why.example.com redirect=target.example.com", "192.0.2.1");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("-all", result.Mechanism);
        Assert.Equal("from target.example.com for example.com", result.Explanation);
    }

    [Fact]
    public async Task Redirect_IgnoredWhenAllIsPresent()
    {
        var resolver = new InMemoryDnsResolver(new SpfZoneData()
            .AddTxt("example.com", "v=spf1 redirect=target.example.com ip4:198.51.100.1 ?all")
            .AddTxt("target.example.com", "v=spf1 -all"));
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options());

        SpfCheckResult result = await CheckAsync(evaluator);

        Assert.Equal(SpfResult.Neutral, result.Result);
        Assert.DoesNotContain(resolver.Queries, query => query.Name == "target.example.com");
    }

    [Theory]
    [InlineData("v=spf1 -all exp=why.example.com", "DEFAULT")]
    [InlineData("v=spf1 -all", "DEFAULT")]
    [InlineData("v=spf1 -all exp=empty.example.com", "")]
    public async Task Explanation_FallsBackToDefault(string record, string expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("why.example.com", "one")
            .AddTxt("why.example.com", "two")
            .AddTxt("empty.example.com", "");
        zone.AddTxt("example.com", record);

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(
            zone, Client, "user@example.com", options: SpfTestHarness.Options("DEFAULT"));

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(expected, result.Explanation);
    }

    [Fact]
    public async Task Explanation_NullWithoutDefault()
    {
        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(new SpfZoneData(), "v=spf1 -all");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Null(result.Explanation);
    }

    [Theory]
    [InlineData("v=spf1 ~all exp=why.example.com")]
    [InlineData("v=spf1 ?all exp=why.example.com")]
    [InlineData("v=spf1 +all exp=why.example.com")]
    public async Task Explanation_OnlyForFail(string record)
    {
        var resolver = new InMemoryDnsResolver(new SpfZoneData()
            .AddTxt("example.com", record)
            .AddTxt("why.example.com", "text"));
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options("DEFAULT"));

        SpfCheckResult result = await CheckAsync(evaluator);

        Assert.Null(result.Explanation);
        Assert.DoesNotContain(resolver.Queries, query => query.Name == "why.example.com");
    }

    [Fact]
    public async Task Explanation_ExpandsExplanationOnlyLetters()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("why.example.com", "%{c} via %{r} at %{t}, %{i}")
            .AddPtr("1.2.0.192.in-addr.arpa", "host.example.com");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 -all exp=why.example.com");

        Assert.NotNull(result.Explanation);
        Assert.StartsWith("192.0.2.1 via receiver.example.net at ", result.Explanation, StringComparison.Ordinal);
        Assert.EndsWith(", 192.0.2.1", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.1", "connect from host.example.com")]
    [InlineData("192.0.2.2", "connect from unknown")]
    public async Task Explanation_ExpandsValidatedName(string client, string expected)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("why.example.com", "connect from %{p}")
            .AddPtr("1.2.0.192.in-addr.arpa", "host.example.com")
            .AddPtr("2.2.0.192.in-addr.arpa", "forged.example.com")
            .AddA("host.example.com", "192.0.2.1")
            .AddA("forged.example.com", "192.0.2.99");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 -all exp=why.example.com", client);

        Assert.Equal(expected, result.Explanation);
    }

    [Fact]
    public async Task Trace_RecordsEachStepWhenEnabled()
    {
        SpfZoneData zone = new SpfZoneData().AddA("example.com", "192.0.2.9");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 a ip4:192.0.2.1 -all");

        Assert.Equal(new[] { "record", "a", "ip4:192.0.2.1" }, result.Trace.Select(entry => entry.Term));
        Assert.Equal("v=spf1 a ip4:192.0.2.1 -all", result.Trace[0].Message);
        Assert.Equal("no match", result.Trace[1].Message);
        Assert.Equal("match: pass", result.Trace[2].Message);
        Assert.All(result.Trace, entry => Assert.Equal("example.com", entry.Domain));
    }

    [Fact]
    public async Task Trace_EmptyWhenDisabled()
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("example.com", "v=spf1 -all");

        SpfCheckResult result = await SpfTestHarness.CheckMailFromAsync(
            zone, Client, "user@example.com", options: new SpfEvaluatorOptions());

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Empty(result.Trace);
    }

    [Fact]
    public async Task Lookups_AreMemoisedPerEvaluation()
    {
        var resolver = new InMemoryDnsResolver(new SpfZoneData()
            .AddTxt("example.com", "v=spf1 a a/24 mx mx/24 a:EXAMPLE.com. -all")
            .AddA("example.com", "198.51.100.1")
            .AddMx("example.com", 10, "example.com"));
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options());

        SpfCheckResult result = await CheckAsync(evaluator);

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(5, result.DnsTermCount);
        Assert.Equal(3, result.DnsQueryCount);
        Assert.Equal(3, resolver.Queries.Count);
    }

    [Fact]
    public async Task CacheHitCount_CountsCachedAnswers()
    {
        var zone = new SpfZoneData().AddTxt("example.com", "v=spf1 a -all").AddA("example.com", "198.51.100.1");
        var resolver = new DelayingDnsResolver(new InMemoryDnsResolver(zone), TimeSpan.Zero, markCached: true);
        var evaluator = new SpfEvaluator(resolver, SpfTestHarness.Options());

        SpfCheckResult result = await CheckAsync(evaluator);

        Assert.Equal(2, result.DnsQueryCount);
        Assert.Equal(2, result.CacheHitCount);
    }

    [Fact]
    public async Task TimeBudget_ExceededIsTempError()
    {
        var zone = new SpfZoneData().AddTxt("example.com", "v=spf1 a -all").AddA("example.com", "198.51.100.1");
        var resolver = new DelayingDnsResolver(new InMemoryDnsResolver(zone), TimeSpan.FromSeconds(5));
        var options = new SpfEvaluatorOptions { TimeBudget = TimeSpan.FromMilliseconds(50) };
        var evaluator = new SpfEvaluator(resolver, options);

        SpfCheckResult result = await CheckAsync(evaluator);

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.Contains("time budget", result.Problem, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"Elapsed {result.Elapsed}.");
    }

    [Fact]
    public async Task CallerCancellation_Throws()
    {
        var zone = new SpfZoneData().AddTxt("example.com", "v=spf1 -all");
        var resolver = new DelayingDnsResolver(new InMemoryDnsResolver(zone), TimeSpan.FromSeconds(5));
        var evaluator = new SpfEvaluator(resolver, SpfEvaluatorOptions.Default);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CheckAsync(evaluator, Client, cancellation.Token));
    }

    [Fact]
    public async Task CallerCancellation_BeforeStartThrows()
    {
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(new SpfZoneData()), SpfEvaluatorOptions.Default);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            evaluator.CheckHeloAsync(IPAddress.Parse(Client), "h.example.com", cancellation.Token));
    }

    [Fact]
    public async Task Methods_RejectNullArguments()
    {
        var evaluator = new SpfEvaluator(new InMemoryDnsResolver(new SpfZoneData()), SpfEvaluatorOptions.Default);
        IPAddress client = IPAddress.Parse(Client);

        await Assert.ThrowsAsync<ArgumentNullException>(() => evaluator.CheckHeloAsync(null!, "h.example.com"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => evaluator.CheckHeloAsync(client, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => evaluator.CheckMailFromAsync(client, null!, "h"));
        await Assert.ThrowsAsync<ArgumentNullException>(() =>
            evaluator.CheckMailFromAsync(client, "u@example.com", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => evaluator.CheckHostAsync(client, null!, "s", "h"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => evaluator.CheckHostAsync(client, "d", null!, "h"));
    }

    [Fact]
    public void Constructor_ValidatesArguments()
    {
        var resolver = new InMemoryDnsResolver(new SpfZoneData());

        Assert.Throws<ArgumentNullException>(() => new SpfEvaluator(null!, SpfEvaluatorOptions.Default));
        Assert.Throws<ArgumentNullException>(() => new SpfEvaluator(resolver, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = TimeSpan.FromDays(30) }));
        Assert.NotNull(new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = Timeout.InfiniteTimeSpan }));
    }

    [Fact]
    public void Options_HaveDocumentedDefaults()
    {
        SpfEvaluatorOptions options = SpfEvaluatorOptions.Default;

        Assert.Equal(TimeSpan.FromSeconds(20), options.TimeBudget);
        Assert.Equal("unknown", options.ReceiverName);
        Assert.Null(options.DefaultExplanation);
        Assert.False(options.EnableTrace);
    }

    private static Task<SpfCheckResult> CheckAsync(
        SpfEvaluator evaluator,
        string client = Client,
        CancellationToken cancellationToken = default) =>
        evaluator.CheckMailFromAsync(IPAddress.Parse(client), "u@example.com", "h.example.com", cancellationToken);
}
