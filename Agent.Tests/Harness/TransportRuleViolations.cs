using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// The breaches of Exchange's rules that the fakes observed during one event.
/// </summary>
/// <remarks>
/// The fakes record a breach and also throw, as Exchange would; an agent's catch-all may swallow
/// the exception, so tests check <see cref="All"/> through <see cref="AssertNone"/>.
/// </remarks>
public sealed class TransportRuleViolations
{
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyList<string> All => _violations.ToArray();

    public InvalidOperationException Record(string rule)
    {
        _violations.Enqueue(rule);
        return new InvalidOperationException("Exchange rule broken: " + rule);
    }

    public void AssertNone()
    {
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException(
                "The agent broke Exchange's rules:" + Environment.NewLine + string.Join(Environment.NewLine, All));
        }
    }

    public bool Contains(string fragment) => All.Any(v => v.IndexOf(fragment, StringComparison.Ordinal) >= 0);
}
