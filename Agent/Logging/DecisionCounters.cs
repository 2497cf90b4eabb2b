using System;
using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// Counts decisions by result and action, and unexpected errors, between two summaries. Thread-safe.
/// </summary>
public sealed class DecisionCounters
{
    private readonly object _lock = new();
    private Dictionary<string, long> _results = NewTable();
    private Dictionary<string, long> _actions = NewTable();
    private long _messages;
    private long _errors;
    private DateTimeOffset _since = DateTimeOffset.UtcNow;

    /// <summary>Counts one decision.</summary>
    public void Record(DecisionRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        lock (_lock)
        {
            _messages++;
            Increment(_results, record.Result);
            Increment(_actions, record.Action);
        }
    }

    /// <summary>Counts one unexpected exception caught at the agent boundary.</summary>
    public void RecordError()
    {
        lock (_lock)
        {
            _errors++;
        }
    }

    /// <summary>Returns the counts since the previous call and starts counting from zero.</summary>
    public DecisionCountsSnapshot TakeSnapshot()
    {
        lock (_lock)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            var snapshot = new DecisionCountsSnapshot(_since, now, _messages, _errors, Sorted(_results), Sorted(_actions));
            _results = NewTable();
            _actions = NewTable();
            _messages = 0;
            _errors = 0;
            _since = now;
            return snapshot;
        }
    }

    private static Dictionary<string, long> NewTable() => new(StringComparer.OrdinalIgnoreCase);

    private static void Increment(Dictionary<string, long> table, string? key)
    {
        string name = string.IsNullOrEmpty(key) ? "(none)" : key!;
        table.TryGetValue(name, out long count);
        table[name] = count + 1;
    }

    private static IReadOnlyList<KeyValuePair<string, long>> Sorted(Dictionary<string, long> table) =>
        table.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
}
