using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// A CIDR network such as <c>192.0.2.0/24</c> or <c>2001:db8::/32</c>, or a single address.
/// </summary>
/// <remarks>
/// A range written as an IPv4-mapped IPv6 network with a prefix of 96 bits or more
/// (<c>::ffff:192.0.2.0/120</c>) is stored as the IPv4 network it covers, and addresses are
/// normalized before matching, so an IPv4 peer matches whether the socket reported it as IPv4
/// or IPv4-mapped. An IPv6 range never contains an IPv4 address, even <c>::/0</c>.
/// </remarks>
public sealed class IPAddressRange : IEquatable<IPAddressRange>
{
    // RFC 4291 §2.5.5.2: the IPv4 address sits in the last 32 bits of ::ffff:0:0/96.
    private const int MappedPrefixBits = 96;

    private readonly byte[] _network;

    private IPAddressRange(byte[] network, int prefixLength)
    {
        _network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>Gets the network address, with every bit after the prefix zero.</summary>
    public IPAddress Network => new IPAddress(_network);

    /// <summary>Gets the number of leading bits that an address must share with the network.</summary>
    public int PrefixLength { get; }

    /// <summary>Gets the address family of the network.</summary>
    public AddressFamily AddressFamily =>
        _network.Length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    internal byte[] NetworkBytes => _network;

    /// <summary>
    /// Parses <c>a.b.c.d</c>, <c>a.b.c.d/n</c>, an IPv6 address, or an IPv6 address with <c>/n</c>.
    /// </summary>
    /// <remarks>
    /// An address without a prefix is a single host (/32 or /128). Whitespace around the value is
    /// ignored. A prefix that leaves host bits set (<c>192.0.2.1/24</c>) is rejected instead of
    /// being masked, because in a trusted-relay list the typo would widen the trust silently.
    /// </remarks>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid range.</exception>
    public static IPAddressRange Parse(string text)
    {
        if (!TryParseCore(text, out IPAddressRange? range, out string? error))
        {
            throw new FormatException(error);
        }

        return range!;
    }

    /// <summary>Parses a range as <see cref="Parse(string)"/> does, without throwing.</summary>
    public static bool TryParse(string? text, out IPAddressRange? range) => TryParseCore(text, out range, out _);

    /// <summary>
    /// Parses a range as <see cref="Parse(string)"/> does, and on failure returns a sentence that
    /// names the value and states what is expected.
    /// </summary>
    public static bool TryParse(string? text, out IPAddressRange? range, out string? error) =>
        TryParseCore(text, out range, out error);

    /// <summary>Creates the range that contains only <paramref name="address"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static IPAddressRange FromAddress(IPAddress address)
    {
        byte[] bytes = IPAddressNormalizer.Normalize(address).GetAddressBytes();
        return new IPAddressRange(bytes, bytes.Length * 8);
    }

    /// <summary>
    /// Returns whether <paramref name="address"/>, after normalization, lies in this network.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public bool Contains(IPAddress address)
    {
        byte[] bytes = IPAddressNormalizer.Normalize(address).GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        int fullBytes = PrefixLength / 8;
        for (int index = 0; index < fullBytes; index++)
        {
            if (bytes[index] != _network[index])
            {
                return false;
            }
        }

        int remainingBits = PrefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        int mask = 0xff << (8 - remainingBits);
        return (bytes[fullBytes] & mask) == _network[fullBytes];
    }

    /// <summary>Returns the range in CIDR notation, always with the prefix length.</summary>
    public override string ToString() =>
        Network.ToString() + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(IPAddressRange? other)
    {
        if (other is null || other.PrefixLength != PrefixLength || other._network.Length != _network.Length)
        {
            return false;
        }

        for (int index = 0; index < _network.Length; index++)
        {
            if (other._network[index] != _network[index])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IPAddressRange);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = PrefixLength;
        foreach (byte value in _network)
        {
            hash = (hash * 31) + value;
        }

        return hash;
    }

    private static bool TryParseCore(string? text, out IPAddressRange? range, out string? error)
    {
        range = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = "The IP address range is empty. Expected an address such as 192.0.2.1 or a "
                + "network such as 192.0.2.0/24 or 2001:db8::/32.";
            return false;
        }

        string value = text.Trim();
        int slash = value.IndexOf('/');
        int addressEnd = slash < 0 ? value.Length : slash;
        if (!IPAddressSyntax.TryParseAddress(value, 0, addressEnd, out IPAddress? address))
        {
            error = $"The IP address range '{Shown(value)}' is invalid: '{Shown(value.Substring(0, addressEnd))}' is not an "
                + "IPv4 address (four decimal octets) or an IPv6 address.";
            return false;
        }

        byte[] bytes = address!.GetAddressBytes();
        int maxBits = bytes.Length * 8;
        int prefixLength = maxBits;
        if (slash >= 0 && !TryParsePrefixLength(value, slash + 1, maxBits, out prefixLength))
        {
            error = $"The IP address range '{Shown(value)}' is invalid: the prefix length after '/' must be a "
                + $"whole number from 0 to {maxBits.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }

        int writtenPrefixLength = prefixLength;
        if (address.IsIPv4MappedToIPv6 && prefixLength >= MappedPrefixBits)
        {
            bytes = address.MapToIPv4().GetAddressBytes();
            prefixLength -= MappedPrefixBits;
        }

        if (HasHostBits(bytes, prefixLength))
        {
            var candidate = new IPAddressRange(Mask(bytes, prefixLength), prefixLength);
            error = $"The IP address range '{Shown(value)}' is invalid: the address has bits set after the "
                + $"/{writtenPrefixLength.ToString(CultureInfo.InvariantCulture)} prefix. Write the network "
                + $"address, {candidate}, or the single address without a prefix.";
            return false;
        }

        range = new IPAddressRange(bytes, prefixLength);
        error = null;
        return true;
    }

    // No valid range is longer than an IPv6 address with a prefix, so a longer text is cut in messages.
    private static string Shown(string text) => MessageText.Printable(text, 60);

    private static bool TryParsePrefixLength(string text, int start, int maxBits, out int prefixLength)
    {
        prefixLength = 0;
        int digits = text.Length - start;
        if (digits < 1 || digits > 3 || (digits > 1 && text[start] == '0'))
        {
            return false;
        }

        for (int index = start; index < text.Length; index++)
        {
            if (!IPAddressSyntax.IsDigit(text[index]))
            {
                return false;
            }

            prefixLength = (prefixLength * 10) + (text[index] - '0');
        }

        return prefixLength <= maxBits;
    }

    private static bool HasHostBits(byte[] bytes, int prefixLength)
    {
        byte[] masked = Mask(bytes, prefixLength);
        for (int index = 0; index < bytes.Length; index++)
        {
            if (masked[index] != bytes[index])
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Mask(byte[] bytes, int prefixLength)
    {
        var masked = new byte[bytes.Length];
        for (int index = 0; index < bytes.Length; index++)
        {
            int bitsInByte = Math.Max(0, Math.Min(8, prefixLength - (index * 8)));
            masked[index] = (byte)(bytes[index] & (0xff << (8 - bitsInByte)));
        }

        return masked;
    }
}
