using System;
using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>The counts that the report charts, gathered from decision log entries.</summary>
internal sealed class ReportStatistics
{
    /// <summary>How many entries the top lists show.</summary>
    public const int TopCount = 10;

    /// <summary>The label of decisions without an SPF check (out of scope, or no origin).</summary>
    public const string NotChecked = "(not checked)";

    // The sentences of the agent's origin selector that mark a header problem, and the report's name for each.
    private static readonly (string Phrase, string Label)[] s_headerProblems =
    {
        ("and the occurrence rule is Single", "Ambiguous origin header (repeated)"),
        (" header is invalid:", "Invalid origin header"),
        ("a trusted relay, which is never the origin", "Origin header names a trusted relay"),
        ("cannot be parsed", "Unparseable Received header"),
    };

    private const string UntrustedPeerLabel = "Untrusted peer (its headers ignored)";

    private readonly List<DecisionLogEntry> _entries = new();

    public int Count => _entries.Count;

    public DateTimeOffset? First => _entries.Count == 0 ? null : _entries.Min(e => e.Time);

    public DateTimeOffset? Last => _entries.Count == 0 ? null : _entries.Max(e => e.Time);

    public void Add(DecisionLogEntry entry) => _entries.Add(entry);

    /// <summary>The width of one time bucket: an hour for up to two days of logs, a day beyond.</summary>
    public TimeSpan BucketSize =>
        Last - First > TimeSpan.FromDays(2) ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);

    /// <summary>Counts per time bucket and result (or action), every bucket from the first to the last present.</summary>
    public IReadOnlyList<(DateTimeOffset Start, Dictionary<string, int> Counts)> OverTime(Func<DecisionLogEntry, string> key)
    {
        var buckets = new List<(DateTimeOffset, Dictionary<string, int>)>();
        if (_entries.Count == 0)
        {
            return buckets;
        }

        long size = BucketSize.Ticks;
        var grouped = _entries.GroupBy(e => e.Time.UtcTicks / size).ToDictionary(g => g.Key, g => g.ToList());
        long firstBucket = grouped.Keys.Min();
        long lastBucket = grouped.Keys.Max();
        for (long bucket = firstBucket; bucket <= lastBucket; bucket++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (grouped.TryGetValue(bucket, out List<DecisionLogEntry>? entries))
            {
                foreach (IGrouping<string, DecisionLogEntry> group in entries.GroupBy(key))
                {
                    counts[group.Key] = group.Count();
                }
            }

            buckets.Add((new DateTimeOffset(bucket * size, TimeSpan.Zero), counts));
        }

        return buckets;
    }

    /// <summary>Totals per result name, "(not checked)" for decisions without a check.</summary>
    public IReadOnlyList<(string Name, int Count)> Results => Totals(ResultOf);

    /// <summary>Totals per action.</summary>
    public IReadOnlyList<(string Name, int Count)> Actions => Totals(e => e.Action);

    /// <summary>The sender domains with the most fail and softfail results, with the count of each.</summary>
    public IReadOnlyList<(string Domain, int Fail, int SoftFail)> TopFailingDomains =>
        _entries
            .Where(e => e.Result is "fail" or "softfail")
            .GroupBy(e => SenderDomain(e))
            .Select(g => (g.Key, g.Count(e => e.Result == "fail"), g.Count(e => e.Result == "softfail")))
            .OrderByDescending(t => t.Item2 + t.Item3)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();

    /// <summary>The originating IPs of the most decisions.</summary>
    public IReadOnlyList<(string Name, int Count)> TopOriginIps =>
        Totals(e => e.OriginIp, e => e.OriginIp.Length > 0).Take(TopCount).ToList();

    /// <summary>Decisions per origin source: Header, ReceivedChain, ExchangeLastExternal, Peer or None.</summary>
    public IReadOnlyList<(string Name, int Count)> OriginSources =>
        Totals(e => e.OriginSource.Length == 0 ? NotChecked : e.OriginSource);

    /// <summary>
    /// Decisions whose origin headers could not be trusted: repeated (ambiguous) or invalid origin headers, origin
    /// headers naming a trusted relay, unparseable Received headers, and messages from untrusted peers, whose
    /// headers the agent ignores.
    /// </summary>
    public IReadOnlyList<(string Name, int Count)> HeaderProblems
    {
        get
        {
            var counts = s_headerProblems.Select(p => p.Label).Append(UntrustedPeerLabel).ToDictionary(l => l, _ => 0);
            foreach (DecisionLogEntry entry in _entries)
            {
                foreach ((string phrase, string label) in s_headerProblems)
                {
                    if (entry.Reason.IndexOf(phrase, StringComparison.Ordinal) >= 0)
                    {
                        counts[label]++;
                    }
                }

                if (entry.OriginSource == "Peer")
                {
                    counts[UntrustedPeerLabel]++;
                }
            }

            return counts.Select(pair => (pair.Key, pair.Value)).ToList();
        }
    }

    public static string ResultOf(DecisionLogEntry entry) => entry.Result.Length == 0 ? NotChecked : entry.Result;

    // The null sender's identity is postmaster@HELO (RFC 7208 §2.4), so its domain is the HELO name.
    private static string SenderDomain(DecisionLogEntry entry)
    {
        int at = entry.MailFrom.LastIndexOf('@');
        if (at >= 0)
        {
            return entry.MailFrom.Substring(at + 1).ToLowerInvariant();
        }

        return entry.Helo.Length > 0 ? entry.Helo.ToLowerInvariant() + " (null sender)" : "(null sender)";
    }

    private List<(string Name, int Count)> Totals(
        Func<DecisionLogEntry, string> key, Func<DecisionLogEntry, bool>? filter = null) =>
        _entries
            .Where(filter ?? (_ => true))
            .GroupBy(key)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(t => t.Item2)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
}
