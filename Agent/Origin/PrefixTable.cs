using System;
using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Network keys grouped by prefix length, for <see cref="IPAddressRangeList"/>.
/// </summary>
internal sealed class PrefixTable<TKey>
    where TKey : struct
{
    private readonly int[] _prefixLengths;
    private readonly HashSet<TKey>[] _networks;

    public PrefixTable(IEnumerable<(int PrefixLength, TKey Network)> entries)
    {
        IGrouping<int, (int PrefixLength, TKey Network)>[] groups = entries
            .GroupBy(entry => entry.PrefixLength)
            .OrderByDescending(group => group.Key)
            .ToArray();

        _prefixLengths = groups.Select(group => group.Key).ToArray();
        _networks = groups.Select(group => new HashSet<TKey>(group.Select(entry => entry.Network))).ToArray();
    }

    /// <summary>
    /// Returns whether <paramref name="address"/>, masked by <paramref name="mask"/> to each stored prefix
    /// length, equals one of the stored networks of that length.
    /// </summary>
    /// <remarks>Pass a lambda that captures nothing, so that the compiler caches it and a call allocates nothing.</remarks>
    public bool Contains(TKey address, Func<TKey, int, TKey> mask)
    {
        for (int index = 0; index < _prefixLengths.Length; index++)
        {
            if (_networks[index].Contains(mask(address, _prefixLengths[index])))
            {
                return true;
            }
        }

        return false;
    }
}
