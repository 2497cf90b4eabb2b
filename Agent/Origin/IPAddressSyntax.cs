using System;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Strict parsers for the textual forms of IP addresses found in headers and configuration.
/// </summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> is not used because it accepts forms
/// that no mail software writes: on .NET 10 it reads <c>1.2.3</c> as 1.2.0.3, <c>0x7f.1</c> as
/// 127.0.0.1, <c>010.0.0.1</c> as 8.0.0.1 and a bare number as an address. Here an IPv4 address
/// is exactly four decimal octets and an IPv6 address follows the text forms of RFC 4291 §2.2,
/// so a header cannot smuggle in an address that a person reading it would read differently.
/// </remarks>
public static class IPAddressSyntax
{
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
            if (!IPAddressGrammar.TryParseIPv6(text, start, end, bytes))
            {
                return false;
            }

            address = new IPAddress(bytes);
            return true;
        }

        var octets = new byte[IPAddressGrammar.IPv4OctetCount];
        if (!IPAddressGrammar.TryParseIPv4(text, start, end, octets, 0))
        {
            return false;
        }

        address = new IPAddress(octets);
        return true;
    }

    // A zone id is an interface name (Linux) or number (Windows). Only letters, digits, '.', '_'
    // and '-' are accepted, so a zone cannot carry brackets, spaces or other structure.
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
}
