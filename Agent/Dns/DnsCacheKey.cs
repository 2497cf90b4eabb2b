using System;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// The cache key of a lookup: the name in lower case without a trailing dot, and the query type.
/// </summary>
/// <remarks>
/// Only ASCII letters are folded, because DNS compares names case-insensitively for ASCII only (RFC 4343 §3).
/// </remarks>
internal readonly struct DnsCacheKey : IEquatable<DnsCacheKey>
{
    private const int HashMultiplier = 31;

    public DnsCacheKey(string name, DnsQueryType type)
    {
        Name = ToAsciiLowerCase(DnsResponseMapper.TrimTrailingDot(name));
        Type = type;
    }

    public string Name { get; }

    public DnsQueryType Type { get; }

    public bool Equals(DnsCacheKey other) => Type == other.Type && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DnsCacheKey other && Equals(other);

    public override int GetHashCode() =>
        unchecked((StringComparer.Ordinal.GetHashCode(Name) * HashMultiplier) + (int)Type);

    public override string ToString() => $"{Name} {Type}";

    private static string ToAsciiLowerCase(string name)
    {
        char[]? folded = null;
        for (int index = 0; index < name.Length; index++)
        {
            char current = name[index];
            if (current >= 'A' && current <= 'Z')
            {
                folded ??= name.ToCharArray();
                folded[index] = (char)(current + ('a' - 'A'));
            }
        }

        return folded is null ? name : new string(folded);
    }
}
