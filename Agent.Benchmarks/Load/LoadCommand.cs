using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// The load run: a cold start through every sender and client kind, then a fixed number of messages in parts,
/// through the real pipeline, cache and DnsClient resolver against a DNS server on loopback.
/// </summary>
/// <remarks>
/// Exit codes: 0 when every check held, 1 when a check failed or the time limit stopped the run, 2 for invalid
/// options, 3 when the DNS server did not answer the probe.
/// </remarks>
public static class LoadCommand
{
    /// <summary>Every check held.</summary>
    public const int Success = 0;

    /// <summary>A check failed, or the time limit stopped the run.</summary>
    public const int CheckFailed = 1;

    /// <summary>The options were invalid.</summary>
    public const int InvalidOptions = 2;

    /// <summary>The DNS server did not answer.</summary>
    public const int DnsUnavailable = 3;

    /// <summary>Runs the load with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        LoadOptions? options = LoadOptions.Parse(args, out string error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error + "\n" + LoadOptions.Usage).ConfigureAwait(false);
            return InvalidOptions;
        }

        var dnsOptions = new DnsResolverOptions
        {
            Servers = new[] { options.DnsServer },
            MaxCacheEntries = options.CacheEntries,
        };
        var client = new DnsClientResolver(dnsOptions);
        DnsLookupResult probe = await client.ResolveAsync(BenchmarkZone.ProbeName, DnsQueryType.Txt)
            .ConfigureAwait(false);
        if (probe.Status != DnsResponseStatus.Answer)
        {
            await Console.Error.WriteLineAsync(
                $"The DNS server {options.DnsServer} returned {probe.Status} ({probe.FailureReason}) for "
                + $"{BenchmarkZone.ProbeName} TXT; start NSD with the benchmark zone first (scripts/load does).")
                .ConfigureAwait(false);
            return DnsUnavailable;
        }

        var network = new CountingDnsResolver(client);
        var cache = new CachingDnsResolver(network, dnsOptions);
        var workload = new LoadWorkload(options.Senders, options.Messages, options.Seed);
        using var timeLimit = new CancellationTokenSource(options.TimeLimit);
        int largestPart = Math.Max(
            workload.ColdPicks.Length,
            (options.Messages + options.Checkpoints - 1) / options.Checkpoints);
        var checker = new MessageChecker(cache);
        var phase = new LoadPhase(checker, ScenarioMessages.CreateSettings(), workload, cache, network,
            options.Concurrency, largestPart, timeLimit.Token);

        var report = new LoadReport(options, workload);
        long startBytes = CollectAndMeasure();
        var phases = new List<PhaseResult>();
        using (var sampler = new MemorySampler())
        {
            PhaseResult cold = await phase.RunAsync("cold start", workload.ColdPicks, 0, workload.ColdPicks.Length)
                .ConfigureAwait(false);
            sampler.SampleNow();
            cold.LiveBytesAfter = CollectAndMeasure();
            phases.Add(cold);
            report.RecordColdStart(network.Sent(), network.Repeated());

            int done = 0;
            for (int part = 1; part <= options.Checkpoints && !timeLimit.IsCancellationRequested; part++)
            {
                int end = (int)((long)options.Messages * part / options.Checkpoints);
                string name = string.Create(CultureInfo.InvariantCulture, $"main {part}/{options.Checkpoints}");
                PhaseResult result = await phase.RunAsync(name, workload.MainPicks, done, end - done)
                    .ConfigureAwait(false);
                sampler.SampleNow();
                result.LiveBytesAfter = CollectAndMeasure();
                phases.Add(result);
                done = end;
            }

            report.RecordEnd(startBytes, sampler.PeakBytes, cache.Statistics, timeLimit.IsCancellationRequested);
        }

        return report.Write(output, phases) ? Success : CheckFailed;
    }

    // A full, compacting collection first, so the figure is the live data and not garbage awaiting collection.
    private static long CollectAndMeasure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
