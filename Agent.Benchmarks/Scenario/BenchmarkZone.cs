using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// The DNS data of the benchmarks and the load run: many sender domains that share one realistic provider chain,
/// and the lookups that an evaluation of that chain needs.
/// </summary>
/// <remarks>
/// <para>
/// Each sender domain <c>sender-N.example</c> lists its own ranges, <c>mx</c>, <c>a</c> and three providers: a
/// mailbox host whose record includes two netblock records, a CRM service whose record includes one relay record,
/// and a newsletter service with ranges only. That is eight terms that query DNS. The HELO name
/// <c>mail.sender-N.example</c> is also the first MX host and publishes <c>v=spf1 a -all</c>.
/// </para>
/// <para>
/// All addresses are documentation or benchmarking addresses (RFC 5737, RFC 3849, RFC 2544). They appear only as
/// data in DNS answers and SPF records, and no traffic is sent to them.
/// </para>
/// </remarks>
public sealed class BenchmarkZone
{
    /// <summary>The zone that contains every name, served by NSD in the load run.</summary>
    public const string Origin = "example";

    /// <summary>A name outside the SPF data, whose TXT record shows the load run that the server responds.</summary>
    public const string ProbeName = "probe.example";

    /// <summary>The TTL of every record and of negative answers, in seconds: longer than any run.</summary>
    public const int TimeToLiveSeconds = 3600;

    /// <summary>The terms of a sender policy that query DNS: mx, a, three includes and three nested includes.</summary>
    public const int SenderPolicyDnsTerms = 8;

    /// <summary>The sender policy; every sender domain publishes the same text.</summary>
    public const string SenderPolicy =
        "v=spf1 ip4:192.0.2.16/28 ip6:2001:db8:5::/48 mx a "
        + "include:_spf.mailhost-a.example include:spf.crm-b.example include:spf.news-c.example -all";

    /// <summary>The policy of each HELO name.</summary>
    public const string HeloPolicy = "v=spf1 a -all";

    /// <summary>The first provider's record, which includes its two netblock records.</summary>
    public const string MailhostPolicy =
        "v=spf1 include:_netblocks1.mailhost-a.example include:_netblocks2.mailhost-a.example ~all";

    /// <summary>The first provider's IPv4 netblocks.</summary>
    public const string MailhostNetblocks1 = "v=spf1 ip4:203.0.113.0/26 ip4:198.51.100.0/26 ~all";

    /// <summary>The first provider's IPv6 netblocks.</summary>
    public const string MailhostNetblocks2 = "v=spf1 ip6:2001:db8:a1::/48 ip6:2001:db8:a2::/48 ~all";

    /// <summary>The second provider's record, which includes its relay record.</summary>
    public const string CrmPolicy = "v=spf1 ip4:192.0.2.64/27 include:_relays.crm-b.example -all";

    /// <summary>The second provider's relays, which list the passing client addresses.</summary>
    public const string CrmRelays = "v=spf1 ip4:198.51.100.128/25 ip6:2001:db8:b0::/44 -all";

    /// <summary>The third provider's record, with ranges only.</summary>
    public const string NewsPolicy = "v=spf1 ip4:203.0.113.128/25 ip6:2001:db8:c0::/48 -all";

    private const string MailhostName = "_spf.mailhost-a.example";
    private const string MailhostNetblocks1Name = "_netblocks1.mailhost-a.example";
    private const string MailhostNetblocks2Name = "_netblocks2.mailhost-a.example";
    private const string CrmName = "spf.crm-b.example";
    private const string CrmRelaysName = "_relays.crm-b.example";
    private const string NewsName = "spf.news-c.example";

    private static readonly IPAddress s_ipv4Pass = IPAddress.Parse("198.51.100.130");
    private static readonly IPAddress s_ipv6Pass = IPAddress.Parse("2001:db8:b1::25");

    // RFC 2544 reserves 198.18.0.0/15 for benchmarks; nothing in the zone lists it.
    private static readonly IPAddress s_ipv4Fail = IPAddress.Parse("198.18.7.25");
    private static readonly IPAddress s_ipv6Fail = IPAddress.Parse("2001:db8:ffff::25");

    /// <summary>Creates the data for <paramref name="senderCount"/> sender domains, numbered from 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="senderCount"/> is less than 1.</exception>
    public BenchmarkZone(int senderCount)
    {
        if (senderCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(senderCount), senderCount, "At least one sender is needed.");
        }

        SenderCount = senderCount;
        Records = CreateRecords(senderCount);
    }

    /// <summary>The number of sender domains.</summary>
    public int SenderCount { get; }

    /// <summary>Every record of the zone.</summary>
    public IReadOnlyList<ZoneRecord> Records { get; }

    /// <summary>The appliance that relays all mail and writes the origin header: the only trusted relay.</summary>
    public static IPAddress Appliance { get; } = IPAddress.Parse("192.0.2.250");

    /// <summary>Every ip4 and ip6 range of the provider chain, for the prefix-list match that is the floor.</summary>
    public static IReadOnlyList<string> PolicyRanges { get; } =
        new[] { SenderPolicy, MailhostNetblocks1, MailhostNetblocks2, CrmPolicy, CrmRelays, NewsPolicy }
            .SelectMany(policy => policy.Split(' '))
            .Where(term => term.StartsWith("ip4:", StringComparison.Ordinal)
                || term.StartsWith("ip6:", StringComparison.Ordinal))
            .Select(term => term.Substring("ip4:".Length))
            .ToArray();

    /// <summary>Returns the domain of sender <paramref name="sender"/>.</summary>
    public static string SenderDomain(int sender) =>
        "sender-" + sender.ToString(CultureInfo.InvariantCulture) + "." + Origin;

    /// <summary>Returns the HELO name of sender <paramref name="sender"/>, which is also its first MX host.</summary>
    public static string HeloName(int sender) => "mail." + SenderDomain(sender);

    /// <summary>Returns the envelope sender of a message from sender <paramref name="sender"/>.</summary>
    public static string MailFrom(int sender) => "billing@" + SenderDomain(sender);

    /// <summary>Returns the client address of <paramref name="kind"/>.</summary>
    public static IPAddress ClientAddress(ClientKind kind) => kind switch
    {
        ClientKind.Ipv4Pass => s_ipv4Pass,
        ClientKind.Ipv4Fail => s_ipv4Fail,
        ClientKind.Ipv6Pass => s_ipv6Pass,
        ClientKind.Ipv6Fail => s_ipv6Fail,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown client kind."),
    };

    /// <summary>Returns true when the sender policy passes the client of <paramref name="kind"/>.</summary>
    public static bool Passes(ClientKind kind) => kind is ClientKind.Ipv4Pass or ClientKind.Ipv6Pass;

    /// <summary>Returns the address record type that an evaluation for <paramref name="kind"/> queries.</summary>
    public static DnsQueryType AddressType(ClientKind kind) =>
        kind is ClientKind.Ipv6Pass or ClientKind.Ipv6Fail ? DnsQueryType.Aaaa : DnsQueryType.A;

    /// <summary>
    /// Returns the distinct lookups that the HELO evaluation of sender <paramref name="sender"/> needs: the HELO
    /// policy and the address of the HELO name. Neither lists a client, so the result is fail.
    /// </summary>
    public static IReadOnlyList<DnsLookup> HeloLookups(int sender, ClientKind kind) => new[]
    {
        DnsLookup.Of(HeloName(sender), DnsQueryType.Txt),
        DnsLookup.Of(HeloName(sender), AddressType(kind)),
    };

    /// <summary>
    /// Returns the distinct lookups, in evaluation order, that the MAIL FROM evaluation of sender
    /// <paramref name="sender"/> needs for a client of <paramref name="kind"/>.
    /// </summary>
    /// <remarks>
    /// A failing client walks the whole tree. A passing client matches in the CRM relay record, so the newsletter
    /// record is never read.
    /// </remarks>
    public static IReadOnlyList<DnsLookup> MailFromLookups(int sender, ClientKind kind)
    {
        string domain = SenderDomain(sender);
        DnsQueryType address = AddressType(kind);
        var lookups = new List<DnsLookup>
        {
            DnsLookup.Of(domain, DnsQueryType.Txt),

            // mx: the MX list, then the address of each exchange.
            DnsLookup.Of(domain, DnsQueryType.Mx),
            DnsLookup.Of(HeloName(sender), address),
            DnsLookup.Of("backup." + domain, address),

            // a: the address of the domain itself.
            DnsLookup.Of(domain, address),

            DnsLookup.Of(MailhostName, DnsQueryType.Txt),
            DnsLookup.Of(MailhostNetblocks1Name, DnsQueryType.Txt),
            DnsLookup.Of(MailhostNetblocks2Name, DnsQueryType.Txt),
            DnsLookup.Of(CrmName, DnsQueryType.Txt),
            DnsLookup.Of(CrmRelaysName, DnsQueryType.Txt),
        };

        if (!Passes(kind))
        {
            lookups.Add(DnsLookup.Of(NewsName, DnsQueryType.Txt));
        }

        return lookups;
    }

    private static List<ZoneRecord> CreateRecords(int senderCount)
    {
        var records = new List<ZoneRecord>
        {
            new(ProbeName, DnsQueryType.Txt, "benchmark zone"),
            new(MailhostName, DnsQueryType.Txt, MailhostPolicy),
            new(MailhostNetblocks1Name, DnsQueryType.Txt, MailhostNetblocks1),
            new(MailhostNetblocks2Name, DnsQueryType.Txt, MailhostNetblocks2),
            new(CrmName, DnsQueryType.Txt, CrmPolicy),
            new(CrmRelaysName, DnsQueryType.Txt, CrmRelays),
            new(NewsName, DnsQueryType.Txt, NewsPolicy),
        };

        for (int sender = 0; sender < senderCount; sender++)
        {
            string domain = SenderDomain(sender);
            string mail = HeloName(sender);
            string backup = "backup." + domain;
            records.Add(new(domain, DnsQueryType.Txt, SenderPolicy));
            records.Add(new(domain, DnsQueryType.Mx, mail, 10));
            records.Add(new(domain, DnsQueryType.Mx, backup, 20));
            records.Add(new(domain, DnsQueryType.A, "192.0.2.201"));
            records.Add(new(domain, DnsQueryType.Aaaa, "2001:db8:6::201"));
            records.Add(new(mail, DnsQueryType.Txt, HeloPolicy));
            records.Add(new(mail, DnsQueryType.A, "192.0.2.202"));
            records.Add(new(mail, DnsQueryType.Aaaa, "2001:db8:6::202"));
            records.Add(new(backup, DnsQueryType.A, "192.0.2.203"));
            records.Add(new(backup, DnsQueryType.Aaaa, "2001:db8:6::203"));
        }

        return records;
    }
}
