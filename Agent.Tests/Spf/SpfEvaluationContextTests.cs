using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Tests of how <see cref="SpfEvaluationContext"/> abandons a lookup whose resolver returns an incomplete task only
/// after the evaluation was stopped. A later fault of that task must still be observed.
/// </summary>
public sealed class SpfEvaluationContextTests
{
    private const string Client = "192.0.2.1";

    private static readonly TimeSpan s_budget = TimeSpan.FromMilliseconds(50);

    // Thread.Sleep blocks for at least this long, so the budget has always run out when the resolver returns.
    private static readonly TimeSpan s_blockPastBudget = TimeSpan.FromMilliseconds(250);

    [UnobservedTaskFact]
    public async Task TimeBudget_SpentInResolverObservesLaterFault()
    {
        string marker = "lookup after the time budget " + Guid.NewGuid().ToString("N");
        SpfResult result = SpfResult.None;

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(
            marker, async () => result = await SpendBudgetThenFaultAsync(marker));

        Assert.Equal(SpfResult.TempError, result);
        Assert.Empty(unobserved);
    }

    [UnobservedTaskFact]
    public async Task CallerCancellation_InResolverObservesLaterFault()
    {
        string marker = "lookup after caller cancellation " + Guid.NewGuid().ToString("N");

        IReadOnlyCollection<Exception> unobserved = await UnobservedFaults.CollectAsync(
            marker, () => CancelInResolverThenFaultAsync(marker));

        Assert.Empty(unobserved);
    }

    // Not inlined, so that no reference to the abandoned task outlives this call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<SpfResult> SpendBudgetThenFaultAsync(string message)
    {
        var resolver = new BlockThenPendingDnsResolver(s_blockPastBudget);
        var evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = s_budget });

        SpfCheckResult result = await evaluator.CheckMailFromAsync(
            IPAddress.Parse(Client), "user@example.com", "mail.example.com");
        resolver.Pending.SetException(new InvalidOperationException(message));
        return result.Result;
    }

    // Not inlined, so that no reference to the abandoned task outlives this call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task CancelInResolverThenFaultAsync(string message)
    {
        using var cancellation = new CancellationTokenSource();
        var resolver = new BlockThenPendingDnsResolver(TimeSpan.Zero, cancellation);
        var evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions { TimeBudget = TimeSpan.FromSeconds(20) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluator.CheckMailFromAsync(
            IPAddress.Parse(Client), "user@example.com", "mail.example.com", cancellation.Token));
        resolver.Pending.SetException(new InvalidOperationException(message));
    }
}
