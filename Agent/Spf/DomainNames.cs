using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Checks and normalizes the domain names that SPF evaluation reads and queries.
/// </summary>
internal static class DomainNames
{
    /// <summary>
    /// Normalizes the domain of an identity for <c>check_host()</c>, or explains why it cannot be checked.
    /// </summary>
    /// <remarks>
    /// RFC 7208 §4.3: a malformed domain (a label longer than 63 characters, an empty label) or one
    /// that is not a multi-label domain name yields "none". Address literals and names whose last
    /// label is numeric are not domain names, and characters outside letters, digits, '-' and '_'
    /// do not occur in host names, so they yield "none" too.
    /// </remarks>
    public static bool TryNormalizeIdentityDomain(string domain, out string normalized, out string problem)
    {
        normalized = "";
        string candidate = domain.EndsWith(".", StringComparison.Ordinal)
            ? domain.Substring(0, domain.Length - 1)
            : domain;
        if (!TryConvertToAscii(candidate, out candidate))
        {
            problem = $"The domain '{domain}' is not a valid internationalized domain name.";
            return false;
        }

        if (candidate.Length == 0 || candidate.Length > SpfLimits.MaxDomainNameLength)
        {
            problem = $"The domain '{domain}' is empty or longer than {SpfLimits.MaxDomainNameLength} characters.";
            return false;
        }

        if (candidate.IndexOf('.') < 0)
        {
            problem = $"The domain '{domain}' is not a fully qualified domain name.";
            return false;
        }

        int lastLabelStart = 0;
        for (int labelStart = 0; labelStart <= candidate.Length;)
        {
            int labelEnd = candidate.IndexOf('.', labelStart);
            if (labelEnd < 0)
            {
                labelEnd = candidate.Length;
            }

            int labelLength = labelEnd - labelStart;
            if (labelLength == 0 || labelLength > SpfLimits.MaxLabelLength
                || !IsHostLabel(candidate, labelStart, labelLength))
            {
                problem = $"The domain '{domain}' has an empty, over-long or invalid label.";
                return false;
            }

            lastLabelStart = labelStart;
            labelStart = labelEnd + 1;
        }

        if (IsAllDigits(candidate, lastLabelStart, candidate.Length - lastLabelStart))
        {
            problem = $"The domain '{domain}' ends in a numeric label, so it is an address, not a domain name.";
            return false;
        }

        normalized = candidate;
        problem = "";
        return true;
    }

    /// <summary>
    /// Turns an expanded domain-spec into a name to query, or returns false when no DNS query can be
    /// composed from it.
    /// </summary>
    /// <remarks>
    /// A trailing dot is removed, and a name longer than 253 characters loses labels from the left until
    /// it fits (RFC 7208 §7.3). An empty label, a label longer than 63 characters or a character outside
    /// US-ASCII leaves no valid query. The callers then treat the term as not matching, as RFC 7208 §4.3
    /// does for the initial domain.
    /// </remarks>
    public static bool TryNormalizeTargetName(string expanded, out string name)
    {
        name = expanded.EndsWith(".", StringComparison.Ordinal)
            ? expanded.Substring(0, expanded.Length - 1)
            : expanded;

        // RFC 7208 §7.3: truncate from the left, label by label, until the name fits.
        int start = 0;
        while (name.Length - start > SpfLimits.MaxDomainNameLength)
        {
            int dot = name.IndexOf('.', start);
            if (dot < 0)
            {
                return false;
            }

            start = dot + 1;
        }

        name = name.Substring(start);

        if (name.Length == 0)
        {
            return false;
        }

        int labelStart = 0;
        while (labelStart <= name.Length)
        {
            int labelEnd = name.IndexOf('.', labelStart);
            if (labelEnd < 0)
            {
                labelEnd = name.Length;
            }

            int labelLength = labelEnd - labelStart;
            if (labelLength == 0 || labelLength > SpfLimits.MaxLabelLength)
            {
                return false;
            }

            labelStart = labelEnd + 1;
        }

        foreach (char character in name)
        {
            if (character > 0x7E || character < 0x20)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes one trailing dot, as DNS answers may carry it.</summary>
    public static string TrimTrailingDot(string name) =>
        name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;

    /// <summary>True when <paramref name="name"/> equals <paramref name="domain"/> or is a subdomain of it.</summary>
    public static bool IsSameOrSubdomain(string name, string domain)
    {
        string trimmedName = TrimTrailingDot(name);
        string trimmedDomain = TrimTrailingDot(domain);
        return string.Equals(trimmedName, trimmedDomain, StringComparison.OrdinalIgnoreCase)
            || trimmedName.EndsWith("." + trimmedDomain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the text is a toplabel (RFC 7208 §7.1):
    /// <c>( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )</c>.
    /// </summary>
    public static bool IsTopLabel(string label)
    {
        if (label.Length == 0)
        {
            return false;
        }

        bool hasLetter = false;
        bool hasHyphen = false;
        foreach (char character in label)
        {
            if (IsAsciiLetter(character))
            {
                hasLetter = true;
            }
            else if (character == '-')
            {
                hasHyphen = true;
            }
            else if (!IsAsciiDigit(character))
            {
                return false;
            }
        }

        if (!hasHyphen)
        {
            return hasLetter;
        }

        return label[0] != '-' && label[label.Length - 1] != '-';
    }

    /// <summary>Returns the reverse-lookup name of an address under in-addr.arpa or ip6.arpa.</summary>
    public static string ReverseName(IPAddress address)
    {
        var builder = new StringBuilder();
        byte[] bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            for (int index = bytes.Length - 1; index >= 0; index--)
            {
                builder.Append(bytes[index].ToString(CultureInfo.InvariantCulture)).Append('.');
            }

            return builder.Append("in-addr.arpa").ToString();
        }

        for (int index = bytes.Length - 1; index >= 0; index--)
        {
            builder.Append("0123456789abcdef"[bytes[index] & 0xF]).Append('.');
            builder.Append("0123456789abcdef"[bytes[index] >> 4]).Append('.');
        }

        return builder.Append("ip6.arpa").ToString();
    }

    private static bool TryConvertToAscii(string domain, out string ascii)
    {
        ascii = domain;
        foreach (char character in domain)
        {
            if (character > 0x7F)
            {
                // RFC 7208 §4.3: internationalized domain names MUST be encoded as A-labels.
                try
                {
                    // IdnMapping instances are not documented as thread-safe, so each call gets its own.
                    ascii = new IdnMapping().GetAscii(domain);
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsHostLabel(string name, int start, int length)
    {
        for (int index = start; index < start + length; index++)
        {
            char character = name[index];
            if (!IsAsciiLetter(character) && !IsAsciiDigit(character) && character != '-' && character != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(string name, int start, int length)
    {
        for (int index = start; index < start + length; index++)
        {
            if (!IsAsciiDigit(name[index]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char character) =>
        (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');

    private static bool IsAsciiDigit(char character) => character >= '0' && character <= '9';
}
