using System;
using System.Net;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>One resource record read from a master file.</summary>
public sealed class ZoneRecord
{
    /// <summary>The owner name in lower case, without the trailing dot.</summary>
    public string Name { get; init; } = string.Empty;

    public ZoneRecordType Type { get; init; }

    /// <summary>The type as written, such as <c>TXT</c> or <c>CAA</c>.</summary>
    public string TypeName { get; init; } = string.Empty;

    public TimeSpan TimeToLive { get; init; }

    /// <summary>The address of an A or AAAA record.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The target name of a CNAME, PTR, NS or MX record, or the primary server of an SOA record.</summary>
    public string? Target { get; init; }

    /// <summary>The preference of an MX record.</summary>
    public int Preference { get; init; }

    /// <summary>The character-strings of a TXT record joined with no separator (RFC 7208 §3.3), one char per octet.</summary>
    public string? Text { get; init; }

    /// <summary>The MINIMUM field of an SOA record, the negative-caching TTL (RFC 2308 §4).</summary>
    public TimeSpan SoaMinimum { get; init; }

    /// <summary>The line of the record in its file.</summary>
    public int LineNumber { get; init; }
}
