using System;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// A DNS lookup in the form that a resolver receives it: a lower-case name without a trailing dot, and a record type.
/// </summary>
public readonly record struct DnsLookup(string Name, DnsQueryType Type)
{
    /// <summary>Creates the lookup with <paramref name="name"/> lower-cased and without a trailing dot.</summary>
    public static DnsLookup Of(string name, DnsQueryType type)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return new DnsLookup(name.TrimEnd('.').ToLowerInvariant(), type);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type.ToString().ToUpperInvariant()} {Name}";
}
