using System;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Strict parsers for the textual forms of IP addresses found in headers and configuration.
/// </summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> is not used because it accepts forms
/// that no mail software writes and that differ between runtimes: <c>1.2.3</c>, <c>0x7f.1</c>,
/// octal octets, or a bare number. Here an IPv4 address is exactly four decimal octets and an
/// IPv6 address follows the text forms of RFC 4291 §2.2, so that a header cannot smuggle in an
/// address that a person reading it would read differently.
/// </remarks>
public static class IPAddressSyntax
{
    private const int IPv4OctetCount = 4;
    private const int IPv6WordCount = 8;
    private const int MaxHexDigitsPerWord = 4;
    private const string IPv6Tag = "IPv6:";

    /// <summary>
    /// Parses a plain IPv4 address (four decimal octets) or an IPv6 address in RFC 4291 text form.
    /// </summary>
    /// <remarks>
    /// No brackets, <c>IPv6:</c> tag, zone id or surrounding whitespace is accepted. The address is
    /// returned as written: an IPv4-mapped IPv6 address stays IPv6.
    /// </remarks>
    public static bool TryParseAddress(string? text, out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return TryParseAddress(text!, 0, text!.Length, out address);
    }

    /// <summary>
    /// Parses an address literal as mail headers write it, and returns it normalized.
    /// </summary>
    /// <remarks>
    /// Accepted: <c>192.0.2.1</c>, <c>2001:db8::1</c>, <c>IPv6:2001:db8::1</c>, each of these in
    /// square brackets (the RFC 5321 §4.1.3 address-literal), and an IPv6 zone id such as
    /// <c>%12</c>, which Exchange writes for link-local addresses and which is dropped. The
    /// <c>IPv6:</c> tag is matched without regard to case, as RFC 5321 strings are, and must
    /// be followed by an IPv6 address. The result passes through
    /// <see cref="IPAddressNormalizer.Normalize(IPAddress)"/>.
    /// </remarks>
    public static bool TryParseLiteral(string? text, out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int start = 0;
        int end = text!.Length;
        if (text[0] == '[')
        {
            if (end < 2 || text[end - 1] != ']')
            {
                return false;
            }

            start++;
            end--;
        }

        bool tagged = end - start > IPv6Tag.Length
            && string.Compare(text, start, IPv6Tag, 0, IPv6Tag.Length, StringComparison.OrdinalIgnoreCase) == 0;
        if (tagged)
        {
            start += IPv6Tag.Length;
        }

        int zone = text.IndexOf('%', start, end - start);
        if (zone >= 0)
        {
            if (!IsValidZone(text, zone + 1, end))
            {
                return false;
            }

            end = zone;
        }

        bool isIPv6 = text.IndexOf(':', start, end - start) >= 0;
        if ((tagged || zone >= 0) && !isIPv6)
        {
            return false;
        }

        if (!TryParseAddress(text, start, end, out IPAddress? parsed))
        {
            return false;
        }

        address = IPAddressNormalizer.Normalize(parsed!);
        return true;
    }

    /// <summary>Parses the plain address in <paramref name="text"/> between two positions.</summary>
    internal static bool TryParseAddress(string text, int start, int end, out IPAddress? address)
    {
        address = null;
        if (text.IndexOf(':', start, end - start) >= 0)
        {
            var bytes = new byte[16];
            if (!TryParseIPv6(text, start, end, bytes))
            {
                return false;
            }

            address = new IPAddress(bytes);
            return true;
        }

        var octets = new byte[IPv4OctetCount];
        if (!TryParseIPv4(text, start, end, octets, 0))
        {
            return false;
        }

        address = new IPAddress(octets);
        return true;
    }

    private static bool TryParseIPv4(string text, int start, int end, byte[] destination, int offset)
    {
        int position = start;
        for (int octet = 0; octet < IPv4OctetCount; octet++)
        {
            if (octet > 0)
            {
                if (position >= end || text[position] != '.')
                {
                    return false;
                }

                position++;
            }

            int digitsStart = position;
            int value = 0;
            while (position < end && IsDigit(text[position]) && position - digitsStart < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            int digits = position - digitsStart;

            // A leading zero is rejected because some resolvers read such an octet as octal.
            if (digits == 0 || value > byte.MaxValue || (digits > 1 && text[digitsStart] == '0'))
            {
                return false;
            }

            destination[offset + octet] = (byte)value;
        }

        return position == end;
    }

    // RFC 4291 §2.2: eight groups of one to four hex digits, one "::" for a run of zero groups,
    // and optionally the last 32 bits written as an IPv4 address.
    private static bool TryParseIPv6(string text, int start, int end, byte[] destination)
    {
        var words = new int[IPv6WordCount];
        int count = 0;
        int gap = -1;
        int position = start;

        if (end - start >= 2 && text[start] == ':' && text[start + 1] == ':')
        {
            gap = 0;
            position += 2;
        }
        else if (start < end && text[start] == ':')
        {
            return false;
        }

        while (position < end)
        {
            int groupStart = position;
            int value = 0;
            while (position < end && position - groupStart < MaxHexDigitsPerWord + 1 && IsHexDigit(text[position]))
            {
                value = (value << 4) | HexValue(text[position]);
                position++;
            }

            if (position < end && text[position] == '.')
            {
                if (count > IPv6WordCount - 2)
                {
                    return false;
                }

                var tail = new byte[IPv4OctetCount];
                if (!TryParseIPv4(text, groupStart, end, tail, 0))
                {
                    return false;
                }

                words[count++] = (tail[0] << 8) | tail[1];
                words[count++] = (tail[2] << 8) | tail[3];
                position = end;
                break;
            }

            int digits = position - groupStart;
            if (digits == 0 || digits > MaxHexDigitsPerWord || count == IPv6WordCount)
            {
                return false;
            }

            words[count++] = value;
            if (position == end)
            {
                break;
            }

            if (text[position] != ':')
            {
                return false;
            }

            position++;
            if (position < end && text[position] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                position++;
            }
            else if (position == end)
            {
                return false;
            }
        }

        if (gap < 0 ? count != IPv6WordCount : count > IPv6WordCount - 1)
        {
            return false;
        }

        int zeros = IPv6WordCount - count;
        for (int index = 0, word = 0; index < IPv6WordCount; index++)
        {
            bool inGap = gap >= 0 && index >= gap && index < gap + zeros;
            int value = inGap ? 0 : words[word++];

            destination[index * 2] = (byte)(value >> 8);
            destination[(index * 2) + 1] = (byte)value;
        }

        return true;
    }

    // Interface names (Linux) and interface numbers (Windows) use only these characters.
    private static bool IsValidZone(string text, int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        for (int index = start; index < end; index++)
        {
            char c = text[index];
            if (!IsDigit(c) && !IsAsciiLetter(c) && c != '.' && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';

    internal static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c)
    {
        if (IsDigit(c))
        {
            return c - '0';
        }

        return (c | 0x20) - 'a' + 10;
    }
}
