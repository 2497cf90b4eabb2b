using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Strict parsers for the ip4-network and ip6-network of RFC 7208 §5.6.
/// </summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also accepts shortened IPv4 forms, leading
/// zeros, brackets and IPv6 zone indexes, none of which the SPF grammar allows.
/// </remarks>
internal static class IpAddressText
{
    private const int Ipv4Octets = 4;
    private const int Ipv6Groups = 8;

    /// <summary>
    /// Parses <c>qnum "." qnum "." qnum "." qnum</c>, where a qnum is 0 to 255 without leading zeros.
    /// </summary>
    public static bool TryParseIpv4(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        string[] parts = text.Split('.');
        if (parts.Length != Ipv4Octets)
        {
            return false;
        }

        var bytes = new byte[Ipv4Octets];
        for (int index = 0; index < Ipv4Octets; index++)
        {
            if (!TryParseQnum(parts[index], out bytes[index]))
            {
                return false;
            }
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>Parses an IPv6 address in the text forms of RFC 4291 §2.2, without zone or brackets.</summary>
    public static bool TryParseIpv6(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (!HasValidIpv6Shape(text))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out IPAddress? parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool HasValidIpv6Shape(string text)
    {
        int compression = text.IndexOf("::", System.StringComparison.Ordinal);
        if (compression >= 0 && text.IndexOf("::", compression + 1, System.StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        string head = compression >= 0 ? text.Substring(0, compression) : text;
        string tail = compression >= 0 ? text.Substring(compression + 2) : "";
        if (!TryCountGroups(head, allowIpv4Tail: compression < 0, out int headGroups)
            || !TryCountGroups(tail, allowIpv4Tail: true, out int tailGroups))
        {
            return false;
        }

        int groups = headGroups + tailGroups;
        return compression >= 0 ? groups < Ipv6Groups : groups == Ipv6Groups;
    }

    // Counts the 16-bit groups of one side of "::"; an IPv4 tail counts as two groups.
    private static bool TryCountGroups(string side, bool allowIpv4Tail, out int groups)
    {
        groups = 0;
        if (side.Length == 0)
        {
            return true;
        }

        string[] parts = side.Split(':');
        for (int index = 0; index < parts.Length; index++)
        {
            string part = parts[index];
            bool last = index == parts.Length - 1;
            if (last && allowIpv4Tail && part.IndexOf('.') >= 0)
            {
                if (!TryParseIpv4(part, out _))
                {
                    return false;
                }

                groups += 2;
            }
            else if (IsHexGroup(part))
            {
                groups++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHexGroup(string part)
    {
        if (part.Length == 0 || part.Length > 4)
        {
            return false;
        }

        foreach (char character in part)
        {
            bool isHex = (character >= '0' && character <= '9')
                || (character >= 'a' && character <= 'f')
                || (character >= 'A' && character <= 'F');
            if (!isHex)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseQnum(string text, out byte value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char character in text)
        {
            if (character < '0' || character > '9')
            {
                return false;
            }
        }

        int number = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number > byte.MaxValue)
        {
            return false;
        }

        value = (byte)number;
        return true;
    }
}
