using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>Counts of a replay run: messages, actions, deciding results and errors.</summary>
internal sealed class ReplayTotals
{
    private readonly SortedDictionary<string, int> _actions = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _results = new(System.StringComparer.Ordinal);

    public int Messages { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Messages per action applied.</summary>
    public IReadOnlyDictionary<string, int> Actions => _actions;

    /// <summary>Messages per deciding SPF result; "(not checked)" for those without a check.</summary>
    public IReadOnlyDictionary<string, int> Results => _results;

    public void Add(ReplayOutcome outcome)
    {
        if (outcome.Decision is null)
        {
            Errors++;
            return;
        }

        Messages++;
        Increment(_actions, outcome.Decision.Action.ToString());
        string result = outcome.Decision.Record.Result;
        Increment(_results, result.Length == 0 ? "(not checked)" : result);
    }

    public override string ToString()
    {
        string actions = string.Join(", ", _actions.Select(pair => $"{pair.Key} {pair.Value}"));
        string results = string.Join(", ", _results.Select(pair => $"{pair.Key} {pair.Value}"));
        return $"{Messages} messages replayed, {Errors} unreadable. Actions: {Empty(actions)}. Results: {Empty(results)}.";
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int count) ? count + 1 : 1;

    private static string Empty(string text) => text.Length == 0 ? "none" : text;
}
