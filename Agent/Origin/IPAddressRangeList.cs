using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// An immutable set of <see cref="IPAddressRange"/> values with a lookup that does not scan them.
/// </summary>
/// <remarks>
/// The trusted relays, the skip list and the bypass lists all match through this type. The
/// networks are grouped by prefix length, so <see cref="Contains(IPAddress)"/> costs one hash
/// lookup per distinct prefix length (at most 33 for IPv4 and 129 for IPv6), however many
/// ranges the list contains. Instances are safe to share between threads.
/// </remarks>
public sealed class IPAddressRangeList
{
    private readonly IPAddressRange[] _ranges;
    private readonly PrefixTable<uint> _ipv4;
    private readonly PrefixTable<(ulong High, ulong Low)> _ipv6;

    /// <summary>Creates a list of <paramref name="ranges"/>; duplicates are kept once.</summary>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="ranges"/> is null or contains null.
    /// </exception>
    public IPAddressRangeList(IEnumerable<IPAddressRange> ranges)
    {
        if (ranges is null)
        {
            throw new ArgumentNullException(nameof(ranges));
        }

        _ranges = ranges.Distinct().ToArray();
        if (Array.IndexOf(_ranges, null) >= 0)
        {
            throw new ArgumentNullException(nameof(ranges), "The list of IP address ranges contains null.");
        }

        var ipv4 = new List<(int, uint)>();
        var ipv6 = new List<(int, (ulong, ulong))>();
        foreach (IPAddressRange range in _ranges)
        {
            byte[] bytes = range.NetworkBytes;
            if (bytes.Length == 4)
            {
                ipv4.Add((range.PrefixLength, ToIPv4Key(bytes)));
            }
            else
            {
                ipv6.Add((range.PrefixLength, ToIPv6Key(bytes)));
            }
        }

        _ipv4 = new PrefixTable<uint>(ipv4);
        _ipv6 = new PrefixTable<(ulong, ulong)>(ipv6);
    }

    /// <summary>Gets a list that contains no address.</summary>
    public static IPAddressRangeList Empty { get; } = new IPAddressRangeList(Array.Empty<IPAddressRange>());

    /// <summary>Gets the ranges, in the order first given.</summary>
    public IReadOnlyList<IPAddressRange> Ranges => _ranges;

    /// <summary>Gets the number of distinct ranges.</summary>
    public int Count => _ranges.Length;

    /// <summary>
    /// Parses each entry with <see cref="IPAddressRange.Parse(string)"/> into a list.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="FormatException">An entry is not a valid range. The message names the entry.</exception>
    public static IPAddressRangeList Parse(IEnumerable<string> entries)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        return new IPAddressRangeList(entries.Select(IPAddressRange.Parse));
    }

    /// <summary>
    /// Returns whether any range contains <paramref name="address"/>, after normalization.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public bool Contains(IPAddress address)
    {
        byte[] bytes = IPAddressNormalizer.Normalize(address).GetAddressBytes();
        if (bytes.Length == 4)
        {
            uint key = ToIPv4Key(bytes);
            return _ipv4.Contains(key, static (network, prefixLength) => MaskIPv4(network, prefixLength));
        }

        (ulong High, ulong Low) wide = ToIPv6Key(bytes);
        return _ipv6.Contains(wide, static (network, prefixLength) => MaskIPv6(network, prefixLength));
    }

    /// <summary>Returns the ranges in CIDR notation, separated by commas.</summary>
    public override string ToString() => string.Join(", ", _ranges.Select(range => range.ToString()));

    private static uint ToIPv4Key(byte[] bytes) =>
        ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];

    private static (ulong High, ulong Low) ToIPv6Key(byte[] bytes)
    {
        ulong high = 0;
        ulong low = 0;
        for (int index = 0; index < 8; index++)
        {
            high = (high << 8) | bytes[index];
            low = (low << 8) | bytes[index + 8];
        }

        return (high, low);
    }

    private static uint MaskIPv4(uint key, int prefixLength) =>
        prefixLength == 0 ? 0 : key & (uint.MaxValue << (32 - prefixLength));

    private static (ulong High, ulong Low) MaskIPv6((ulong High, ulong Low) key, int prefixLength)
    {
        if (prefixLength == 0)
        {
            return (0, 0);
        }

        if (prefixLength <= 64)
        {
            return (key.High & (ulong.MaxValue << (64 - prefixLength)), 0);
        }

        if (prefixLength == 128)
        {
            return key;
        }

        return (key.High, key.Low & (ulong.MaxValue << (128 - prefixLength)));
    }
}
