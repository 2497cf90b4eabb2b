using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// A resolver that answers every name with data derived from a hash of the name, the type and a seed:
/// records from the scenario, addresses near the client, up to 14 MX or PTR names, and a share of
/// NXDOMAIN, NODATA and temporary failures. The same query always gets the same answer.
/// </summary>
internal sealed class GeneratedDnsResolver : IDnsResolver
{
    private static readonly TimeSpan s_ttl = TimeSpan.FromMinutes(5);

    private static readonly string[] s_hostNames =
    {
        "example.com", "mail.example.com", "mx1.example.com", "_spf.example.com", "", ".",
        "host.example.net", "a.b.c.example.org", "EXAMPLE.COM.", "x", "error.example.com",
    };

    private readonly PolicyScenario _scenario;
    private readonly ConcurrentQueue<(string Name, DnsQueryType Type)> _queries = new();

    public GeneratedDnsResolver(PolicyScenario scenario)
    {
        _scenario = scenario;
    }

    public IReadOnlyList<(string Name, DnsQueryType Type)> Queries => _queries.ToList();

    public Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _queries.Enqueue((name, type));
        uint hash = Hash($"{_scenario.Seed}|{(int)type}|{name.ToLowerInvariant()}");
        return Task.FromResult(Answer(type, hash));
    }

    private DnsLookupResult Answer(DnsQueryType type, uint hash)
    {
        switch (hash % 10)
        {
            case 0:
                return DnsLookupResult.TemporaryFailure("generated timeout");
            case 1:
                return DnsLookupResult.NxDomain(s_ttl);
            case 2:
                return DnsLookupResult.NoData(s_ttl);
        }

        int count = (int)(hash / 10 % 14) + 1;
        switch (type)
        {
            case DnsQueryType.A:
            case DnsQueryType.Aaaa:
                return DnsLookupResult.FromAddresses(Addresses(type, hash, count), s_ttl);
            case DnsQueryType.Txt:
                return DnsLookupResult.FromStrings(TextRecords(hash), s_ttl);
            default:
                var names = Enumerable.Range(0, count)
                    .Select(index => s_hostNames[(int)((hash >> 3) + (uint)index) % s_hostNames.Length])
                    .ToList();
                return DnsLookupResult.FromStrings(names, s_ttl);
        }
    }

    private List<string> TextRecords(uint hash)
    {
        IReadOnlyList<string> records = _scenario.Records;
        var texts = new List<string> { records[(int)(hash / 7 % (uint)records.Count)] };
        if (hash % 7 == 3)
        {
            texts.Add(records[(int)(hash / 11 % (uint)records.Count)]);
        }

        if (hash % 5 == 4)
        {
            texts.Add("unrelated verification text");
        }

        return texts;
    }

    private List<IPAddress> Addresses(DnsQueryType type, uint hash, int count)
    {
        IPAddress client = IPAddress.Parse(_scenario.Client);
        var addresses = new List<IPAddress>();
        for (int index = 0; index < Math.Min(count, 4); index++)
        {
            byte last = (byte)((hash >> index) & 0x3);
            addresses.Add(type == DnsQueryType.A
                ? new IPAddress(new byte[] { 192, 0, 2, last })
                : IPAddress.Parse("2001:db8::" + last.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (hash % 3 == 0 && client.AddressFamily == (type == DnsQueryType.A
            ? System.Net.Sockets.AddressFamily.InterNetwork
            : System.Net.Sockets.AddressFamily.InterNetworkV6))
        {
            addresses.Add(client);
        }

        return addresses;
    }

    // FNV-1a, so answers do not depend on the per-process string hash seed.
    private static uint Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char character in text)
        {
            hash = (hash ^ character) * 16777619;
        }

        return hash;
    }
}
