using System;
using System.Collections.Generic;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// One entry of a name's zone data in the SPF test suite format: a record type and its value, "TXT: NONE",
/// or a bare TIMEOUT.
/// </summary>
public sealed class ZoneEntry
{
    private ZoneEntry(string type, IReadOnlyList<string> values, bool isNone)
    {
        Type = type;
        Values = values;
        IsNone = isNone;
    }

    /// <summary>The record type in upper case (A, AAAA, MX, PTR, CNAME, TXT, SPF), or "TIMEOUT".</summary>
    public string Type { get; }

    /// <summary>
    /// The record value: one item for most types, the character-strings of a TXT or SPF record, or
    /// the preference and exchange of an MX record.
    /// </summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>True for "TYPE: NONE", which states that the name has no record of that type.</summary>
    public bool IsNone { get; }

    public bool IsTimeout => Type == TimeoutType;

    internal const string TimeoutType = "TIMEOUT";

    public static ZoneEntry Timeout { get; } = new(TimeoutType, Array.Empty<string>(), false);

    public static ZoneEntry None(string type) => new(type.ToUpperInvariant(), Array.Empty<string>(), true);

    public static ZoneEntry Record(string type, params string[] values) => new(type.ToUpperInvariant(), values, false);

    /// <inheritdoc/>
    public override string ToString()
    {
        if (IsTimeout)
        {
            return TimeoutType;
        }

        return IsNone ? $"{Type}: NONE" : $"{Type}: [{string.Join(", ", Values)}]";
    }
}
