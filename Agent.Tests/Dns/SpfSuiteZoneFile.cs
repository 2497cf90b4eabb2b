using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ExchangeSpfAgent.Tests.Spf.Suite;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// Writes the zone data of one SPF test suite scenario as a root zone file that NSD can serve.
/// </summary>
/// <remarks>
/// <para>
/// The zone data spans many domains, so it becomes one zone with origin ".". SPF entries are served as TXT
/// unless the name lists TXT itself (<see cref="SpfZoneData.EffectiveEntries"/>). A name with a CNAME gets only the
/// CNAME, as DNS allows no other data beside it. A name with no record at all ("TXT: NONE" alone) gets an HINFO
/// record, which SPF never queries, so that it exists and gets NODATA rather than NXDOMAIN.
/// </para>
/// <para>
/// Entries after a TIMEOUT are left out, and NSD answers NODATA where the suite expects a timeout, so tests that
/// need a timeout run only against the in-memory resolver. Characters U+0080–U+00FF stand for single octets
/// (the suite's Latin-1 convention) and are written as <c>\DDD</c> escapes (RFC 1035 §5.1).
/// </para>
/// </remarks>
public static class SpfSuiteZoneFile
{
    private const int TimeToLive = 3600;
    private const int NegativeTimeToLive = 300;
    private const int MaxCharacterStringLength = 255;
    private const string NameServer = "ns.nsd-fixture.invalid.";

    /// <summary>Returns the zone file text for <paramref name="zone"/>.</summary>
    public static string ToRootZone(SpfZoneData zone)
    {
        var text = new StringBuilder();
        text.AppendLine("$ORIGIN .");
        text.AppendLine(Invariant($"$TTL {TimeToLive}"));
        text.AppendLine(Invariant(
            $". IN SOA {NameServer} hostmaster.nsd-fixture.invalid. 1 3600 600 86400 {NegativeTimeToLive}"));
        text.AppendLine($". IN NS {NameServer}");
        text.AppendLine($"{NameServer} IN A 127.0.0.1");

        foreach (string name in zone.Names)
        {
            List<string> records = RecordsOf(zone.EffectiveEntries(name));
            string owner = AbsoluteName(name);
            if (records.Count == 0)
            {
                records.Add("HINFO \"placeholder\" \"no-records\"");
            }

            foreach (string record in records)
            {
                text.Append(owner).Append(" IN ").AppendLine(record);
            }
        }

        return text.ToString();
    }

    private static List<string> RecordsOf(IReadOnlyList<ZoneEntry> entries)
    {
        IEnumerable<ZoneEntry> served = entries.TakeWhile(entry => !entry.IsTimeout).Where(entry => !entry.IsNone);
        ZoneEntry? alias = served.FirstOrDefault(entry => entry.Type == "CNAME");
        if (alias is not null)
        {
            return new List<string> { "CNAME " + AbsoluteName(alias.Values[0]) };
        }

        var records = new List<string>();
        foreach (ZoneEntry entry in served)
        {
            switch (entry.Type)
            {
                case "A":
                case "AAAA":
                    records.Add(entry.Type + " " + entry.Values[0]);
                    break;
                case "MX":
                    records.Add("MX " + entry.Values[0] + " " + AbsoluteName(entry.Values[1]));
                    break;
                case "PTR":
                    records.Add("PTR " + AbsoluteName(entry.Values[0]));
                    break;
                case "TXT":
                    records.Add("TXT " + CharacterStrings(entry.Values));
                    break;
                case "SPF":
                    // Served as TXT through EffectiveEntries; RFC 7208 §3.1 retired the SPF record type.
                    break;
                default:
                    throw new InvalidOperationException($"The suite entry '{entry}' has a type the zone writer does not know.");
            }
        }

        return records;
    }

    /// <summary>Returns the name in master file syntax with a trailing dot; the empty name is the root ".".</summary>
    private static string AbsoluteName(string name)
    {
        string trimmed = name.TrimEnd('.');
        if (trimmed.Length == 0)
        {
            return ".";
        }

        var text = new StringBuilder();
        foreach (string label in trimmed.Split('.'))
        {
            foreach (char character in label)
            {
                AppendNameCharacter(text, character);
            }

            text.Append('.');
        }

        return text.ToString();
    }

    private static void AppendNameCharacter(StringBuilder text, char character)
    {
        if (character <= ' ' || character > '~')
        {
            AppendOctets(text, character);
        }
        else if ("\"();\\@$".IndexOf(character) >= 0)
        {
            text.Append('\\').Append(character);
        }
        else
        {
            text.Append(character);
        }
    }

    /// <summary>
    /// Returns the strings as quoted character-strings and splits any longer than 255 octets. An empty list
    /// becomes one empty string, because a TXT record needs at least one.
    /// </summary>
    private static string CharacterStrings(IReadOnlyList<string> strings)
    {
        var pieces = new List<string>();
        foreach (string value in strings.DefaultIfEmpty(string.Empty))
        {
            int start = 0;
            do
            {
                int length = Math.Min(MaxCharacterStringLength, value.Length - start);
                pieces.Add(Quote(value.Substring(start, length)));
                start += length;
            }
            while (start < value.Length);
        }

        return string.Join(" ", pieces);
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char character in value)
        {
            if (character < ' ' || character > '~')
            {
                AppendOctets(text, character);
            }
            else if (character is '"' or '\\')
            {
                text.Append('\\').Append(character);
            }
            else
            {
                text.Append(character);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Appends a character as <c>\DDD</c>: one octet up to U+00FF, its UTF-8 octets above.</summary>
    private static void AppendOctets(StringBuilder text, char character)
    {
        byte[] octets = character <= '\u00FF'
            ? new[] { (byte)character }
            : Encoding.UTF8.GetBytes(character.ToString());
        foreach (byte octet in octets)
        {
            text.Append('\\').Append(octet.ToString("D3", CultureInfo.InvariantCulture));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
