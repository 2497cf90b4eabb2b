using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>Reads the RDATA of one record in its RFC 1035 presentation format.</summary>
internal static class ZoneRecordReader
{
    private const int SoaFieldCount = 7;
    private const int SoaFirstTimerIndex = 3;
    private const int SoaMinimumIndex = 6;

    /// <exception cref="FormatException">The RDATA does not fit the type.</exception>
    public static ZoneRecord Read(
        string owner, string typeName, TimeSpan timeToLive, IReadOnlyList<ZoneToken> data, string? origin, int lineNumber)
    {
        switch (typeName)
        {
            case "A":
                return WithAddress(
                    owner, ZoneRecordType.A, typeName, timeToLive, data, AddressFamily.InterNetwork, lineNumber);
            case "AAAA":
                return WithAddress(
                    owner, ZoneRecordType.Aaaa, typeName, timeToLive, data, AddressFamily.InterNetworkV6, lineNumber);
            case "TXT":
                return new ZoneRecord
                {
                    Name = owner,
                    Type = ZoneRecordType.Txt,
                    TypeName = typeName,
                    TimeToLive = timeToLive,
                    Text = ReadCharacterStrings(data),
                    LineNumber = lineNumber,
                };
            case "MX":
                RequireCount(typeName, data, 2);
                return new ZoneRecord
                {
                    Name = owner,
                    Type = ZoneRecordType.Mx,
                    TypeName = typeName,
                    TimeToLive = timeToLive,
                    Preference = ReadNumber(data[0].Text, ushort.MaxValue, "MX preference"),
                    Target = ZoneText.ToAbsoluteName(data[1].Text, origin),
                    LineNumber = lineNumber,
                };
            case "CNAME":
                return WithTarget(owner, ZoneRecordType.Cname, typeName, timeToLive, data, origin, lineNumber);
            case "PTR":
                return WithTarget(owner, ZoneRecordType.Ptr, typeName, timeToLive, data, origin, lineNumber);
            case "NS":
                return WithTarget(owner, ZoneRecordType.Ns, typeName, timeToLive, data, origin, lineNumber);
            case "SOA":
                return ReadSoa(owner, typeName, timeToLive, data, origin, lineNumber);
            default:
                if (!IsTypeName(typeName))
                {
                    throw new FormatException($"'{typeName}' is not a record type.");
                }

                return new ZoneRecord
                {
                    Name = owner,
                    Type = ZoneRecordType.Other,
                    TypeName = typeName,
                    TimeToLive = timeToLive,
                    LineNumber = lineNumber,
                };
        }
    }

    private static ZoneRecord WithAddress(
        string owner, ZoneRecordType type, string typeName, TimeSpan timeToLive, IReadOnlyList<ZoneToken> data,
        AddressFamily family, int lineNumber)
    {
        RequireCount(typeName, data, 1);
        string text = data[0].Text;
        bool valid = IPAddressSyntax.TryParseAddress(text, out IPAddress? address) && address!.AddressFamily == family;
        if (!valid)
        {
            string expected = family == AddressFamily.InterNetwork ? "an IPv4 address" : "an IPv6 address";
            throw new FormatException($"'{text}' is not {expected} for a {typeName} record.");
        }

        return new ZoneRecord
        {
            Name = owner,
            Type = type,
            TypeName = typeName,
            TimeToLive = timeToLive,
            Address = address,
            LineNumber = lineNumber,
        };
    }

    private static ZoneRecord WithTarget(
        string owner, ZoneRecordType type, string typeName, TimeSpan timeToLive, IReadOnlyList<ZoneToken> data,
        string? origin, int lineNumber)
    {
        RequireCount(typeName, data, 1);
        return new ZoneRecord
        {
            Name = owner,
            Type = type,
            TypeName = typeName,
            TimeToLive = timeToLive,
            Target = ZoneText.ToAbsoluteName(data[0].Text, origin),
            LineNumber = lineNumber,
        };
    }

    private static ZoneRecord ReadSoa(
        string owner, string typeName, TimeSpan timeToLive, IReadOnlyList<ZoneToken> data, string? origin, int lineNumber)
    {
        RequireCount(typeName, data, SoaFieldCount);
        string primary = ZoneText.ToAbsoluteName(data[0].Text, origin);
        ZoneText.ToAbsoluteName(data[1].Text, origin);
        ReadNumber(data[2].Text, uint.MaxValue, "SOA serial");
        var timers = new TimeSpan[SoaFieldCount];
        for (int index = SoaFirstTimerIndex; index < SoaFieldCount; index++)
        {
            if (!ZoneText.TryParseTimeToLive(data[index].Text, out timers[index]))
            {
                throw new FormatException($"The SOA field '{data[index].Text}' is not a number of seconds.");
            }
        }

        return new ZoneRecord
        {
            Name = owner,
            Type = ZoneRecordType.Soa,
            TypeName = typeName,
            TimeToLive = timeToLive,
            Target = primary,
            SoaMinimum = timers[SoaMinimumIndex],
            LineNumber = lineNumber,
        };
    }

    private static string ReadCharacterStrings(IReadOnlyList<ZoneToken> data)
    {
        if (data.Count == 0)
        {
            throw new FormatException("A TXT record needs at least one character-string.");
        }

        var text = new StringBuilder();
        foreach (ZoneToken token in data)
        {
            string octets = ZoneText.Unescape(token.Text);
            if (octets.Length > ZoneText.MaxCharacterStringLength)
            {
                throw new FormatException(
                    $"A character-string is {octets.Length} octets long; split it into strings of at most 255 octets.");
            }

            // RFC 7208 §3.3: the strings of one record are joined with no separator.
            text.Append(octets);
        }

        return text.ToString();
    }

    private static int ReadNumber(string text, long maximum, string field)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > maximum)
        {
            throw new FormatException($"The {field} '{text}' is not a number from 0 to {maximum}.");
        }

        return (int)Math.Min(value, int.MaxValue);
    }

    private static void RequireCount(string typeName, IReadOnlyList<ZoneToken> data, int count)
    {
        if (data.Count != count)
        {
            throw new FormatException($"A {typeName} record takes {count} field(s) after the type, not {data.Count}.");
        }
    }

    // RFC 3597 §5: an unknown type is written TYPEnnn; known mnemonics are letters and digits.
    private static bool IsTypeName(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
