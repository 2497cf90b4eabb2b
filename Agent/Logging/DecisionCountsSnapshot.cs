using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ExchangeSpfAgent.Logging;

/// <summary>The counts of <see cref="DecisionCounters"/> over one period.</summary>
public sealed class DecisionCountsSnapshot
{
    internal DecisionCountsSnapshot(
        DateTimeOffset start,
        DateTimeOffset end,
        long messages,
        long errors,
        IReadOnlyList<KeyValuePair<string, long>> results,
        IReadOnlyList<KeyValuePair<string, long>> actions)
    {
        Start = start;
        End = end;
        Messages = messages;
        Errors = errors;
        Results = results;
        Actions = actions;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Decisions recorded in the period.</summary>
    public long Messages { get; }

    /// <summary>Unexpected exceptions caught in the period.</summary>
    public long Errors { get; }

    /// <summary>Decisions per SPF result, the most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Results { get; }

    /// <summary>Decisions per action, the most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Actions { get; }

    /// <summary>Returns counts as "pass=12, fail=3", or "none".</summary>
    public static string Format(IReadOnlyList<KeyValuePair<string, long>> counts) =>
        counts.Count == 0
            ? "none"
            : string.Join(
                ", ",
                counts.Select(pair => pair.Key + "=" + pair.Value.ToString(CultureInfo.InvariantCulture)));
}
