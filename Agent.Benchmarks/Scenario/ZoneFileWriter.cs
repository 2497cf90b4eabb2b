using System;
using System.Globalization;
using System.IO;
using System.Text;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// Writes a <see cref="BenchmarkZone"/> as an RFC 1035 master file that NSD serves (<c>example.zone</c>).
/// </summary>
public static class ZoneFileWriter
{
    // RFC 1035 §3.3.14: one character-string is at most 255 octets long.
    private const int MaxCharacterString = 255;

    /// <summary>Writes the zone file into <paramref name="folder"/> and returns its path.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Write(BenchmarkZone zone, string folder)
    {
        if (zone is null)
        {
            throw new ArgumentNullException(nameof(zone));
        }

        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, BenchmarkZone.Origin + ".zone");
        File.WriteAllText(path, Format(zone), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Returns the text of the zone file.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static string Format(BenchmarkZone zone)
    {
        if (zone is null)
        {
            throw new ArgumentNullException(nameof(zone));
        }

        var text = new StringBuilder();
        string origin = BenchmarkZone.Origin + ".";
        int ttl = BenchmarkZone.TimeToLiveSeconds;
        text.Append(CultureInfo.InvariantCulture, $"$ORIGIN {origin}\n$TTL {ttl}\n");

        // The SOA minimum is the negative TTL (RFC 2308 §4).
        text.Append(CultureInfo.InvariantCulture,
            $"@ IN SOA ns1.{origin} hostmaster.{origin} 1 7200 900 1209600 {ttl}\n");
        text.Append(CultureInfo.InvariantCulture, $"@ IN NS ns1.{origin}\nns1 IN A 192.0.2.53\n");
        foreach (ZoneRecord record in zone.Records)
        {
            text.Append(record.Name).Append(". IN ").Append(FormatData(record)).Append('\n');
        }

        return text.ToString();
    }

    private static string FormatData(ZoneRecord record) => record.Type switch
    {
        DnsQueryType.A => "A " + record.Data,
        DnsQueryType.Aaaa => "AAAA " + record.Data,
        DnsQueryType.Mx => string.Create(CultureInfo.InvariantCulture, $"MX {record.Preference} {record.Data}."),
        DnsQueryType.Txt => "TXT " + QuoteText(record.Data),
        _ => throw new ArgumentOutOfRangeException(
            nameof(record), record.Type, "The zone writer has no format for this type."),
    };

    private static string QuoteText(string data)
    {
        if (data.Length > MaxCharacterString || data.Contains('"', StringComparison.Ordinal)
            || data.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The TXT data '{data}' must be at most {MaxCharacterString} characters "
                + "without quotes or backslashes.", nameof(data));
        }

        return "\"" + data + "\"";
    }
}
