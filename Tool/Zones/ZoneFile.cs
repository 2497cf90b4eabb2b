using System;
using System.Collections.Generic;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>One zone read from an RFC 1035 master file: its apex and records.</summary>
public sealed class ZoneFile
{
    internal ZoneFile(string filePath, string origin, IReadOnlyList<ZoneRecord> records, TimeSpan negativeTimeToLive)
    {
        FilePath = filePath;
        Origin = origin;
        Records = records;
        NegativeTimeToLive = negativeTimeToLive;
    }

    /// <summary>The file the zone was read from.</summary>
    public string FilePath { get; }

    /// <summary>The zone apex in lower case without the trailing dot; the empty string for the root zone.</summary>
    public string Origin { get; }

    public IReadOnlyList<ZoneRecord> Records { get; }

    /// <summary>
    /// How long NXDOMAIN and NODATA answers from this zone may be cached: the lesser of the SOA record's TTL and its
    /// MINIMUM field (RFC 2308 §5).
    /// </summary>
    public TimeSpan NegativeTimeToLive { get; }
}
