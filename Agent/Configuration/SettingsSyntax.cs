using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>Parsers for the text forms of the configuration file that are not numbers, flags or enumerations.</summary>
internal static class SettingsSyntax
{
    /// <summary>The port used for a DNS server written without one.</summary>
    public const int DefaultDnsPort = 53;

    // RFC 1035 §2.3.4: a name is at most 255 octets on the wire, which leaves 253 characters of text.
    private const int MaxDomainNameLength = 253;

    // RFC 1035 §2.3.4: a label is at most 63 octets.
    private const int MaxLabelLength = 63;

    /// <summary>The placeholders that reply templates may use.</summary>
    public static IReadOnlyList<string> TemplatePlaceholders { get; } =
        new[] { "sender", "domain", "ip", "identity", "result" };

    /// <summary>Parses a host name of letters, digits, hyphens and underscores in dot-separated labels.</summary>
    /// <remarks>A final dot is dropped and the name is lower-cased.</remarks>
    public static bool TryParseHostName(string text, out string name)
    {
        name = text.EndsWith(".", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        if (name.Length == 0 || name.Length > MaxDomainNameLength)
        {
            return false;
        }

        foreach (string label in name.Split('.'))
        {
            if (label.Length == 0 || label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
                {
                    return false;
                }
            }
        }

        name = name.ToLowerInvariant();
        return true;
    }

    /// <summary>Parses a mail address local@domain, lower-casing the domain only (RFC 5321 §2.4).</summary>
    public static bool TryParseMailAddress(string text, out string address)
    {
        address = text;
        int at = text.LastIndexOf('@');
        if (at <= 0 || !TryParseHostName(text.Substring(at + 1), out string domain))
        {
            return false;
        }

        string localPart = text.Substring(0, at);
        foreach (char c in localPart)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        address = localPart + "@" + domain;
        return true;
    }

    /// <summary>Parses a header field name: printable US-ASCII except the colon (RFC 5322 §3.6.8).</summary>
    public static bool TryParseHeaderName(string text, out string name)
    {
        name = text;
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '!' or > '~' or ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses a DNS server as an address with an optional port: 192.0.2.53, 192.0.2.53:5353, 2001:db8::53 or
    /// [2001:db8::53]:5353.
    /// </summary>
    public static bool TryParseServer(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.None, 0);
        string host = text;
        string? port = null;
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            int close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text.Substring(1, close - 1);
            string rest = text.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest.Substring(1);
            }
        }
        else if (text.IndexOf(':') == text.LastIndexOf(':') && text.IndexOf(':') > 0)
        {
            // One colon: an IPv4 address with a port. Two or more: a bare IPv6 address.
            int colon = text.IndexOf(':');
            host = text.Substring(0, colon);
            port = text.Substring(colon + 1);
        }

        if (!IPAddressSyntax.TryParseAddress(host, out IPAddress? address) || address is null)
        {
            return false;
        }

        int portNumber = DefaultDnsPort;
        if (port is not null
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber)
                || portNumber < 1
                || portNumber > IPEndPoint.MaxPort))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, portNumber);
        return true;
    }

    /// <summary>
    /// Parses a reply template: printable US-ASCII, because Exchange rejects other reply text, with only the
    /// known {placeholders}.
    /// </summary>
    public static bool TryParseTemplate(string text, out string template)
    {
        template = text;
        if (text.Length == 0)
        {
            return false;
        }

        int index = 0;
        while (index < text.Length)
        {
            char c = text[index];
            if (c is < ' ' or > '~' || c == '}')
            {
                return false;
            }

            if (c == '{')
            {
                int close = text.IndexOf('}', index);
                if (close < 0 || !Contains(TemplatePlaceholders, text.Substring(index + 1, close - index - 1)))
                {
                    return false;
                }

                index = close;
            }

            index++;
        }

        return true;
    }

    /// <summary>Parses a folder path, absolute or relative to the agent's folder.</summary>
    public static bool TryParseFolder(string text, out string folder)
    {
        folder = text;
        return text.Length > 0
            && text.IndexOfAny(Path.GetInvalidPathChars()) < 0
            && text.IndexOfAny(new[] { '*', '?' }) < 0;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (string candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
