using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// Sends a range of picks through the pipeline with a fixed number of concurrent sessions, and checks each
/// decision against the record tree.
/// </summary>
/// <remarks>
/// Each session takes the next pick, times <see cref="MessageChecker.CheckAsync"/> alone, and checks the outcome
/// after the timer stops: pass is stamped and fail is rejected, HELO fails, and each evaluation sent exactly the
/// record tree's distinct lookups to the cache, so no lookup was repeated within an evaluation.
/// </remarks>
public sealed class LoadPhase
{
    private static readonly int[] s_heloLookups = CountLookups(BenchmarkZone.HeloLookups);
    private static readonly int[] s_mailFromLookups = CountLookups(BenchmarkZone.MailFromLookups);

    private readonly MessageChecker _checker;
    private readonly AgentSettings _settings;
    private readonly LoadWorkload _workload;
    private readonly CachingDnsResolver _cache;
    private readonly CountingDnsResolver _network;
    private readonly int _concurrency;
    private readonly CancellationToken _cancellationToken;

    // Allocated once for the largest part, so the memory figures between parts do not include it changing size.
    private readonly long[] _latencies;

    private int[] _picks = Array.Empty<int>();
    private int _next;
    private int _end;
    private int _completed;
    private int _failures;
    private string? _firstFailure;

    public LoadPhase(
        MessageChecker checker,
        AgentSettings settings,
        LoadWorkload workload,
        CachingDnsResolver cache,
        CountingDnsResolver network,
        int concurrency,
        int maxMessagesPerRun,
        CancellationToken cancellationToken)
    {
        _checker = checker;
        _settings = settings;
        _workload = workload;
        _cache = cache;
        _network = network;
        _concurrency = concurrency;
        _latencies = new long[maxMessagesPerRun];
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs <paramref name="count"/> picks from <paramref name="start"/> and returns the figures.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> exceeds the size given at construction.
    /// </exception>
    public async Task<PhaseResult> RunAsync(string name, int[] picks, int start, int count)
    {
        if (count > _latencies.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"A run takes at most the {_latencies.Length} messages given at construction.");
        }

        _picks = picks;
        _next = start;
        _end = start + count;
        _completed = 0;
        _failures = 0;
        _firstFailure = null;

        DnsResolverStatistics before = _cache.Statistics;
        long networkBefore = _network.Total;
        var stopwatch = Stopwatch.StartNew();
        Task[] sessions = Enumerable.Range(0, _concurrency).Select(_ => Task.Run(RunSessionAsync)).ToArray();
        await Task.WhenAll(sessions).ConfigureAwait(false);
        stopwatch.Stop();
        DnsResolverStatistics after = _cache.Statistics;

        return new PhaseResult
        {
            Name = name,
            Messages = _completed,
            Elapsed = stopwatch.Elapsed,
            Latency = LatencySummary.FromTicks(_latencies, _completed),
            Lookups = after.Lookups - before.Lookups,
            CacheHits = after.CacheHits - before.CacheHits,
            SharedLookups = after.SharedLookups - before.SharedLookups,
            NetworkQueries = _network.Total - networkBefore,
            Failures = _failures,
            FirstFailure = _firstFailure,
            CacheEntriesAfter = after.CacheEntries,
            ThreadPoolThreads = ThreadPool.ThreadCount,
        };
    }

    private async Task RunSessionAsync()
    {
        while (!_cancellationToken.IsCancellationRequested)
        {
            // Each message is a new work item, as the agent queues one per message, so a warm session that
            // never waits does not keep a pool thread and make the pool add threads.
            await Task.Yield();
            int index = Interlocked.Increment(ref _next) - 1;
            if (index >= _end)
            {
                return;
            }

            int pick = _picks[index];
            MessageDecision decision;
            long started = Stopwatch.GetTimestamp();
            try
            {
                decision = await _checker.CheckAsync(_workload.Message(pick), _settings, _cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any exception from the pipeline is a failed check to report, not a crash.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failures);
                Interlocked.CompareExchange(ref _firstFailure, $"{Describe(pick)}: {exception}", null);
                continue;
            }

            long elapsed = Stopwatch.GetTimestamp() - started;
            _latencies[Interlocked.Increment(ref _completed) - 1] = elapsed;
            string? problem = Check(pick, decision);
            if (problem != null)
            {
                Interlocked.Increment(ref _failures);
                Interlocked.CompareExchange(ref _firstFailure, problem, null);
            }
        }
    }

    private static string? Check(int pick, MessageDecision decision)
    {
        ClientKind kind = LoadWorkload.KindOf(pick);
        bool passes = BenchmarkZone.Passes(kind);
        SpfAction expectedAction = passes ? SpfAction.Stamp : SpfAction.Reject;
        SpfResult expectedResult = passes ? SpfResult.Pass : SpfResult.Fail;
        if (decision.Results.Count != 2)
        {
            return $"{Describe(pick)}: {decision.Results.Count} evaluations instead of HELO and MAIL FROM. "
                + decision.Record.Reason;
        }

        SpfCheckResult helo = decision.Results[0];
        SpfCheckResult mailFrom = decision.Results[1];
        if (decision.Action != expectedAction || mailFrom.Result != expectedResult || helo.Result != SpfResult.Fail)
        {
            return $"{Describe(pick)}: action {decision.Action}, HELO {helo}, MAIL FROM {mailFrom}; expected "
                + $"{expectedAction}, HELO fail and MAIL FROM {expectedResult}.";
        }

        // The record trees are the same for every sender, so the counts of sender 0 hold for all.
        int heloLookups = s_heloLookups[(int)kind];
        int mailFromLookups = s_mailFromLookups[(int)kind];
        if (helo.DnsQueryCount != heloLookups || mailFrom.DnsQueryCount != mailFromLookups)
        {
            return $"{Describe(pick)}: the evaluations sent {helo.DnsQueryCount} and {mailFrom.DnsQueryCount} "
                + $"lookups; the record trees need {heloLookups} and {mailFromLookups}.";
        }

        return null;
    }

    private static int[] CountLookups(Func<int, ClientKind, IReadOnlyList<DnsLookup>> lookups) =>
        Enum.GetValues<ClientKind>().Select(kind => lookups(0, kind).Count).ToArray();

    private static string Describe(int pick) =>
        $"Sender {LoadWorkload.SenderOf(pick)} with client {LoadWorkload.KindOf(pick)}";
}
