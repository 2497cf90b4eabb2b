using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Dns;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// Collects the outcome of a load run, prints it, and decides whether its checks held.
/// </summary>
/// <remarks>
/// The checks are exact counts, never timings. Every message must get the decision and the lookups of its record
/// tree. The cold start must send each lookup that the record trees need to the DNS server exactly once, and the
/// main run, whose names are all cached, must send none. The two query checks apply only while the cache evicted
/// nothing, because an evicted name is rightly queried again.
/// </remarks>
public sealed class LoadReport
{
    private readonly LoadOptions _options;
    private readonly LoadWorkload _workload;
    private readonly List<string> _problems = new();

    private HashSet<DnsLookup> _coldSent = new();
    private IReadOnlyList<KeyValuePair<DnsLookup, int>> _coldRepeated = Array.Empty<KeyValuePair<DnsLookup, int>>();
    private long _startBytes;
    private long _peakBytes;
    private DnsResolverStatistics? _statistics;

    public LoadReport(LoadOptions options, LoadWorkload workload)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _workload = workload ?? throw new ArgumentNullException(nameof(workload));
    }

    /// <summary>Records the queries that the cold start sent.</summary>
    public void RecordColdStart(
        IReadOnlyCollection<DnsLookup> sent,
        IReadOnlyList<KeyValuePair<DnsLookup, int>> repeated)
    {
        _coldSent = new HashSet<DnsLookup>(sent ?? throw new ArgumentNullException(nameof(sent)));
        _coldRepeated = repeated ?? throw new ArgumentNullException(nameof(repeated));
    }

    /// <summary>Records the figures taken at the end of the run.</summary>
    public void RecordEnd(long startBytes, long peakBytes, DnsResolverStatistics statistics, bool timedOut)
    {
        _startBytes = startBytes;
        _peakBytes = peakBytes;
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        if (timedOut)
        {
            _problems.Add(
                $"The time limit of {_options.TimeLimit.TotalSeconds:0} s stopped the run before its last message.");
        }
    }

    /// <summary>Prints the report and returns true when every check held.</summary>
    public bool Write(TextWriter output, IReadOnlyList<PhaseResult> phases)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(phases);
        if (_statistics is null || phases.Count == 0)
        {
            throw new InvalidOperationException("The run has not ended.");
        }

        WriteHeader(output);
        WritePhases(output, phases);
        WriteColdStart(output, phases[0]);
        WriteMemory(output, phases);
        CheckMessages(phases);

        output.WriteLine();
        if (_problems.Count == 0)
        {
            output.WriteLine("Checks: all held.");
            return true;
        }

        foreach (string problem in _problems)
        {
            output.WriteLine("Check failed: " + problem);
        }

        return false;
    }

    private void WriteHeader(TextWriter output)
    {
        output.WriteLine(
            $"Load run: {_options.Senders} sender domains, {_workload.ColdPicks.Length} cold-start messages, then "
            + $"{_options.Messages} messages in {_options.Checkpoints} parts, "
            + $"{_options.Concurrency} concurrent sessions.");
        output.WriteLine(
            $"DNS server {_options.DnsServer}; cache bound {_options.CacheEntries} entries; "
            + $".NET {Environment.Version}, "
            + $"{Environment.ProcessorCount} processors, {(GCSettings.IsServerGC ? "server" : "workstation")} GC.");
        output.WriteLine();
    }

    private static void WritePhases(TextWriter output, IReadOnlyList<PhaseResult> phases)
    {
        output.WriteLine(
            $"{"part",-12} {"messages",9} {"msg/s",9} {"p50 µs",9} {"p99 µs",9} {"max µs",10} "
            + $"{"lookups/msg",11} {"queries/msg",11} {"hit rate",8}");
        foreach (PhaseResult phase in phases)
        {
            double perMessage = Math.Max(phase.Messages, 1);
            output.WriteLine(
                $"{phase.Name,-12} {phase.Messages,9} {phase.MessagesPerSecond,9:0} "
                + $"{phase.Latency.P50Microseconds,9:0.0} "
                + $"{phase.Latency.P99Microseconds,9:0.0} {phase.Latency.MaxMicroseconds,10:0.0} "
                + $"{phase.Lookups / perMessage,11:0.00} {phase.NetworkQueries / perMessage,11:0.000} "
                + $"{phase.CacheHitRate,8:0.00%}");
        }

        output.WriteLine("lookups/msg: lookups the evaluations sent to the cache; queries/msg: queries the cache sent "
            + "to the DNS server; hit rate: lookups served from the cache.");
    }

    private void WriteColdStart(TextWriter output, PhaseResult cold)
    {
        IReadOnlySet<DnsLookup> needed = LoadWorkload.NeededLookups(_workload.ColdPicks);
        int missing = needed.Count(lookup => !_coldSent.Contains(lookup));
        int extra = _coldSent.Count(lookup => !needed.Contains(lookup));
        output.WriteLine();
        output.WriteLine(
            $"Cold start: {cold.NetworkQueries} queries sent to the DNS server; the record trees need {needed.Count} "
            + $"distinct lookups; {_coldRepeated.Count} lookups sent more than once, "
            + $"{missing} needed lookups not sent, "
            + $"{extra} sent that no tree needs; {cold.SharedLookups} lookups waited for an identical one in flight.");

        if (_statistics!.Evictions > 0)
        {
            output.WriteLine(
                $"The cache evicted {_statistics.Evictions} entries, so names are queried again after eviction and the "
                + "exact query checks are skipped.");
            return;
        }

        if (cold.NetworkQueries != needed.Count || _coldRepeated.Count > 0 || missing > 0 || extra > 0)
        {
            IEnumerable<string> examples = _coldRepeated.Take(5).Select(entry => $"{entry.Key} x{entry.Value}");
            string repeated = _coldRepeated.Count == 0 ? string.Empty : $" Repeated: {string.Join(", ", examples)}.";
            _problems.Add($"The cold start sent {cold.NetworkQueries} queries; the record trees need "
                + $"{needed.Count} distinct lookups, each sent once.{repeated}");
        }
    }

    private void WriteMemory(TextWriter output, IReadOnlyList<PhaseResult> phases)
    {
        long warm = phases[0].LiveBytesAfter;
        long end = phases[phases.Count - 1].LiveBytesAfter;
        output.WriteLine();
        output.WriteLine("Managed memory, live bytes after a full collection:");
        output.WriteLine($"  {"start",-24} {_startBytes,14:N0}");
        foreach (PhaseResult phase in phases)
        {
            output.WriteLine(
                $"  {"after " + phase.Name,-24} {phase.LiveBytesAfter,14:N0}   "
                + $"cache entries {phase.CacheEntriesAfter}, thread pool threads {phase.ThreadPoolThreads}");
        }

        output.WriteLine(
            $"  end minus after cold start: {end - warm:+#,0;-#,0;0} bytes "
            + $"({(end - warm) * 100.0 / warm:+0.00;-0.00;0.00} %)");
        if (phases.Count > 2)
        {
            // The first main part also warms the JIT's optimized code and the thread pool.
            long firstMain = phases[1].LiveBytesAfter;
            output.WriteLine(
                $"  end minus after {phases[1].Name}: {end - firstMain:+#,0;-#,0;0} bytes "
                + $"({(end - firstMain) * 100.0 / firstMain:+0.00;-0.00;0.00} %)");
        }

        output.WriteLine(
            $"  peak heap size, sampled every 5 ms, garbage included: {_peakBytes:N0} bytes");
        output.WriteLine(
            $"Cache: {_statistics!.CacheEntries} entries, {_statistics.Evictions} evictions, "
            + $"{_statistics.QueriesSent} queries sent, {_statistics.Timeouts} timeouts, "
            + $"{_statistics.Failures} other failures.");
    }

    private void CheckMessages(IReadOnlyList<PhaseResult> phases)
    {
        foreach (PhaseResult phase in phases.Where(phase => phase.Failures > 0))
        {
            _problems.Add($"{phase.Failures} messages in {phase.Name} differed from the record tree. "
                + $"First: {phase.FirstFailure}");
        }

        long main = phases.Skip(1).Sum(phase => (long)phase.Messages);
        if (phases[0].Messages != _workload.ColdPicks.Length || main != _options.Messages)
        {
            _problems.Add($"{phases[0].Messages + main} messages completed of "
                + $"{_workload.ColdPicks.Length + _options.Messages}.");
        }

        long mainQueries = phases.Skip(1).Sum(phase => phase.NetworkQueries);
        if (_statistics!.Evictions == 0 && mainQueries > 0)
        {
            _problems.Add($"The main run sent {mainQueries} queries although every name was cached.");
        }
    }
}
