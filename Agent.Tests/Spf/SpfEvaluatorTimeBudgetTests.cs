using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Checks the time budget of RFC 7208 §4.6.4 against resolvers that ignore the cancellation token.
/// </summary>
public sealed class SpfEvaluatorTimeBudgetTests
{
    private const string Client = "192.0.2.1";

    private static readonly TimeSpan s_budget = TimeSpan.FromMilliseconds(100);

    // A task that completes late is abandoned at the budget, so the stall can be long. A blocked thread
    // cannot be abandoned, so that stall is shorter but still far beyond the budget.
    private static readonly TimeSpan s_asyncStall = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_blockingStall = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan s_shortStall = TimeSpan.FromMilliseconds(50);

    // Long enough that the lookup is still waiting when the evaluator looks at its task, even on a loaded
    // machine: a lookup that already finished would start no timer.
    private static readonly TimeSpan s_waitingLookup = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData("v=spf1 -all", null, false)]
    [InlineData("v=spf1 -all", null, true)]
    [InlineData("v=spf1 a:slow.example.com -all", "slow.example.com", false)]
    [InlineData("v=spf1 a:slow.example.com -all", "slow.example.com", true)]
    public async Task TimeBudget_TokenIgnoredIsTempError(string record, string? stalledName, bool blockThread)
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("example.com", record).AddA("slow.example.com", Client);

        SpfCheckResult result = await CheckAsync(zone, stalledName, blockThread, s_budget);

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.Contains("time budget", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeBudget_TokenIgnoredEndsWaitAtBudget()
    {
        SpfZoneData zone = new SpfZoneData().AddTxt("example.com", "v=spf1 -all");

        SpfCheckResult result = await CheckAsync(zone, null, blockThread: false, s_budget);

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.True(result.Elapsed < s_asyncStall - TimeSpan.FromSeconds(1), $"Elapsed {result.Elapsed}.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TimeBudget_StallWithinBudgetKeepsResult(bool blockThread)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 a:slow.example.com -all")
            .AddA("slow.example.com", Client);

        SpfCheckResult result = await CheckAsync(
            zone, "slow.example.com", blockThread, TimeSpan.FromSeconds(20), stall: s_shortStall);

        Assert.Equal(SpfResult.Pass, result.Result);
    }

    // Expanding %{p} in the exp= target makes the PTR lookup.
    [Theory]
    [InlineData("exp=why.example.com", "why.example.com", false, null)]
    [InlineData("exp=why.example.com", "why.example.com", true, null)]
    [InlineData("exp=why.example.com", "why.example.com", false, "DEFAULT")]
    [InlineData("exp=why.example.com", "why.example.com", true, "DEFAULT")]
    [InlineData("exp=why.%{p}.example.com", "1.2.0.192.in-addr.arpa", false, "DEFAULT")]
    [InlineData("exp=why.%{p}.example.com", "1.2.0.192.in-addr.arpa", true, "DEFAULT")]
    public async Task TimeBudget_ExplanationLookupKeepsFail(
        string modifier,
        string stalledName,
        bool blockThread,
        string? defaultExplanation)
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all " + modifier)
            .AddTxt("why.example.com", "explained")
            .AddTxt("why.unknown.example.com", "explained");

        SpfCheckResult result = await CheckAsync(zone, stalledName, blockThread, s_budget, defaultExplanation);

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("-all", result.Mechanism);
        Assert.Null(result.Problem);
        Assert.Equal(defaultExplanation, result.Explanation);
    }

    [Fact]
    public async Task TimeBudget_ExplanationWithinBudgetIsUsed()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "explained");

        SpfCheckResult result = await CheckAsync(
            zone, "why.example.com", blockThread: true, TimeSpan.FromSeconds(20), "DEFAULT", s_shortStall);

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("explained", result.Explanation);
    }

    [Fact]
    public async Task CallerCancellation_DuringExplanationThrows()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 -all exp=why.example.com")
            .AddTxt("why.example.com", "explained");
        var resolver = new StallingDnsResolver(new InMemoryDnsResolver(zone), s_asyncStall, "why.example.com");
        var evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = Timeout.InfiniteTimeSpan });
        using var cancellation = new CancellationTokenSource(s_budget);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluator.CheckMailFromAsync(
            IPAddress.Parse(Client), "user@example.com", "mail.example.com", cancellation.Token));
    }

    // The budget's timer starts when the first lookup has to wait; from then on the resolver gets its token.
    [Fact]
    public async Task TimeBudget_LaterLookupsGetBudgetToken()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 a:one.example.com a:two.example.com -all")
            .AddA("one.example.com", "192.0.2.9")
            .AddA("two.example.com", "192.0.2.9");
        var resolver = new TokenRecordingDnsResolver(new InMemoryDnsResolver(zone), s_waitingLookup);
        var evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = TimeSpan.FromSeconds(20) });

        SpfCheckResult result = await evaluator.CheckMailFromAsync(
            IPAddress.Parse(Client), "user@example.com", "mail.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(3, resolver.Tokens.Count);
        Assert.False(resolver.Tokens[0].CanBeCanceled);
        Assert.True(resolver.Tokens[1].CanBeCanceled);
        Assert.True(resolver.Tokens[2].CanBeCanceled);
    }

    [Fact]
    public async Task TimeBudget_CancelsTokenOfWaitingLookup()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("example.com", "v=spf1 a:slow.example.com -all")
            .AddA("slow.example.com", Client);
        var resolver = new TokenRecordingDnsResolver(new InMemoryDnsResolver(zone), s_waitingLookup, "slow.example.com");
        var evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = TimeSpan.FromSeconds(2) });

        SpfCheckResult result = await evaluator.CheckMailFromAsync(
            IPAddress.Parse(Client), "user@example.com", "mail.example.com");

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.Contains("time budget", result.Problem, StringComparison.Ordinal);
        Assert.Equal(2, resolver.Tokens.Count);
        Assert.True(resolver.Tokens[1].IsCancellationRequested);
    }

    private static Task<SpfCheckResult> CheckAsync(
        SpfZoneData zone,
        string? stalledName,
        bool blockThread,
        TimeSpan budget,
        string? defaultExplanation = null,
        TimeSpan? stall = null)
    {
        TimeSpan delay = stall ?? (blockThread ? s_blockingStall : s_asyncStall);
        var resolver = new StallingDnsResolver(new InMemoryDnsResolver(zone), delay, stalledName, blockThread);
        SpfEvaluatorOptions options = new()
        {
            TimeBudget = budget,
            DefaultExplanation = defaultExplanation,
            EnableTrace = true,
        };
        return new SpfEvaluator(resolver, options)
            .CheckMailFromAsync(IPAddress.Parse(Client), "user@example.com", "mail.example.com");
    }
}
