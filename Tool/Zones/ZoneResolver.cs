using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>
/// An offline <see cref="IDnsResolver"/> that answers from zone files, as an authoritative server for those zones
/// would: NXDOMAIN and NODATA with the zone's negative TTL, CNAME chains followed across the loaded zones, and
/// wildcards synthesized from the closest encloser (RFC 4592 §3.3.1).
/// </summary>
/// <remarks>
/// A name outside every loaded zone gets a temporary failure with the reason REFUSED, the answer NSD gives for
/// such a name, so an evaluation against the files and one against NSD serving the same files agree.
/// NOTE: zone cuts are not modelled: NS records below an apex are stored, but names below them are answered
/// from the parent zone's data.
/// </remarks>
public sealed class ZoneResolver : IDnsResolver
{
    // The same bound as the agent's resolver puts on CNAME chains in a response.
    private const int MaxCnameChainLength = 16;

    private const string CnameLoopReason = "CNAME loop";

    private readonly List<ZoneFile> _zones;
    private readonly Dictionary<string, List<ZoneRecord>> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver for <paramref name="zones"/>.</summary>
    /// <exception cref="ZoneFileException">Two files hold the same zone.</exception>
    public ZoneResolver(IEnumerable<ZoneFile> zones)
    {
        if (zones is null)
        {
            throw new ArgumentNullException(nameof(zones));
        }

        _zones = zones.OrderByDescending(zone => zone.Origin.Length).ToList();
        foreach (IGrouping<string, ZoneFile> duplicate in _zones.GroupBy(z => z.Origin).Where(g => g.Count() > 1))
        {
            ZoneFile second = duplicate.Skip(1).First();
            throw new ZoneFileException(
                second.FilePath,
                0,
                $"The zone {ZoneFileParser.DisplayName(duplicate.Key)} is already read from {duplicate.First().FilePath}.");
        }

        foreach (ZoneRecord record in _zones.SelectMany(zone => zone.Records))
        {
            if (!_records.TryGetValue(record.Name, out List<ZoneRecord>? list))
            {
                list = new List<ZoneRecord>();
                _records.Add(record.Name, list);
            }

            list.Add(record);
            AddNameAndAncestors(record.Name);
        }
    }

    /// <summary>The zones that are loaded, longest apex first.</summary>
    public IReadOnlyList<ZoneFile> Zones => _zones;

    /// <summary>Reads every zone file named in <paramref name="paths"/>; a folder contributes its <c>*.zone</c> files.</summary>
    /// <exception cref="ZoneFileException">A file is invalid, a folder holds no zone file, or a zone is read twice.</exception>
    /// <exception cref="FileNotFoundException">A path names neither a file nor a folder.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ZoneResolver Load(IEnumerable<string> paths)
    {
        var zones = new List<ZoneFile>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                string[] files = Directory.GetFiles(path, "*" + ZoneFileParser.Extension);
                if (files.Length == 0)
                {
                    throw new ZoneFileException(path, 0, "The folder contains no *.zone file.");
                }

                Array.Sort(files, StringComparer.Ordinal);
                zones.AddRange(files.Select(ZoneFileParser.Load));
            }
            else if (File.Exists(path))
            {
                zones.Add(ZoneFileParser.Load(path));
            }
            else
            {
                throw new FileNotFoundException($"The zone file or folder {path} does not exist.", path);
            }
        }

        return new ZoneResolver(zones);
    }

    /// <inheritdoc/>
    public Task<DnsLookupResult> ResolveAsync(string name, DnsQueryType type, CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Resolve(name.TrimEnd('.').ToLowerInvariant(), type));
    }

    private DnsLookupResult Resolve(string name, DnsQueryType type)
    {
        TimeSpan chainTimeToLive = TimeSpan.MaxValue;
        for (int hop = 0; hop <= MaxCnameChainLength; hop++)
        {
            ZoneFile? zone = _zones.FirstOrDefault(z => ZoneText.IsAtOrBelow(name, z.Origin));
            if (zone is null)
            {
                return DnsLookupResult.TemporaryFailure(DnsFailureReasons.Refused);
            }

            List<ZoneRecord>? records = FindRecords(name, zone);
            if (records is null)
            {
                return DnsLookupResult.NxDomain(Min(chainTimeToLive, zone.NegativeTimeToLive));
            }

            ZoneRecord? alias = records.FirstOrDefault(r => r.Type == ZoneRecordType.Cname);
            if (alias is not null)
            {
                chainTimeToLive = Min(chainTimeToLive, alias.TimeToLive);
                name = alias.Target!;
                continue;
            }

            List<ZoneRecord> matching = records.Where(r => r.Type == ToRecordType(type)).ToList();
            if (matching.Count == 0)
            {
                return DnsLookupResult.NoData(Min(chainTimeToLive, zone.NegativeTimeToLive));
            }

            TimeSpan timeToLive = Min(chainTimeToLive, matching.Min(r => r.TimeToLive));
            return type is DnsQueryType.A or DnsQueryType.Aaaa
                ? DnsLookupResult.FromAddresses(matching.Select(r => r.Address!).ToList(), timeToLive)
                : DnsLookupResult.FromStrings(matching.Select(r => r.Text ?? r.Target!).ToList(), timeToLive);
        }

        // RFC 1034 §3.6.2: a CNAME loop is an error; a recursive server answers SERVFAIL.
        return DnsLookupResult.TemporaryFailure(CnameLoopReason);
    }

    // Returns the records of the name, those of the wildcard that covers it, or null when the name does not exist.
    private List<ZoneRecord>? FindRecords(string name, ZoneFile zone)
    {
        if (_records.TryGetValue(name, out List<ZoneRecord>? exact))
        {
            return exact;
        }

        if (_names.Contains(name))
        {
            // An empty non-terminal exists without records (RFC 8020).
            return new List<ZoneRecord>();
        }

        // RFC 4592 §3.3.1: the wildcard below the closest encloser, the nearest existing ancestor, is the source.
        string encloser = name;
        while (encloser != zone.Origin)
        {
            int dot = encloser.IndexOf('.');
            encloser = dot < 0 ? string.Empty : encloser.Substring(dot + 1);
            if (_names.Contains(encloser) || encloser == zone.Origin)
            {
                break;
            }
        }

        string wildcard = encloser.Length == 0 ? "*" : "*." + encloser;
        return _records.TryGetValue(wildcard, out List<ZoneRecord>? synthesized) ? synthesized : null;
    }

    private void AddNameAndAncestors(string name)
    {
        string current = name;
        while (current.Length > 0 && _names.Add(current))
        {
            int dot = current.IndexOf('.');
            current = dot < 0 ? string.Empty : current.Substring(dot + 1);
        }
    }

    private static ZoneRecordType ToRecordType(DnsQueryType type) => type switch
    {
        DnsQueryType.A => ZoneRecordType.A,
        DnsQueryType.Aaaa => ZoneRecordType.Aaaa,
        DnsQueryType.Mx => ZoneRecordType.Mx,
        DnsQueryType.Txt => ZoneRecordType.Txt,
        DnsQueryType.Ptr => ZoneRecordType.Ptr,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The query type is not one that SPF uses."),
    };

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
