using System.Collections.Generic;
using ExchangeSpfAgent.Tests.Infrastructure;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// The zones that the resolver integration tests query on NSD.
/// </summary>
/// <remarks>
/// Every SOA record has MINIMUM 30 and TTL 300, so NXDOMAIN and NODATA carry a negative TTL of 30 seconds.
/// <c>servfail.example</c> has no zone file, so NSD answers SERVFAIL for it; names outside these zones, such as
/// <c>example.org</c>, are answered with REFUSED.
/// </remarks>
public static class DnsTestZones
{
    /// <summary>The negative TTL, in seconds, of every zone here.</summary>
    public const int NegativeTimeToLive = 30;

    /// <summary>The length of each of the three character-strings of <c>big.example.com</c>.</summary>
    public const int BigStringLength = 200;

    public static IReadOnlyList<NsdZone> All { get; } = new[]
    {
        new NsdZone("example.com", ExampleCom),
        new NsdZone("2.0.192.in-addr.arpa", Soa("2.0.192.in-addr.arpa") + """
            1 IN PTR host.example.com.
            2 IN PTR host.example.com.
            2 IN PTR other.example.com.
            """),
        new NsdZone("8.b.d.0.1.0.0.2.ip6.arpa", Soa("8.b.d.0.1.0.0.2.ip6.arpa") + """
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR host.example.com.
            """),
        new NsdZone("servfail.example", null),
    };

    private static string ExampleCom => Soa("example.com") + $$"""
        host     IN A     192.0.2.1
        host     IN A     192.0.2.2
        host     IN AAAA  2001:db8::1
        multi    IN TXT   "v=spf1 " "ip4:192.0.2.1 " "-all"
        two      IN TXT   "first"
        two      IN TXT   "second"
        big      IN TXT   "{{new string('a', BigStringLength)}}" "{{new string('b', BigStringLength)}}" "{{new string('c', BigStringLength)}}"
        escaped  IN TXT   "semi;colon \"quoted\" back\\slash \200\255"
        alias    60  IN CNAME alias2
        alias2   120 IN CNAME host
        dangling IN CNAME missing.example.com.
        loop1    IN CNAME loop2
        loop2    IN CNAME loop1
        mx       IN MX    20 mail2
        mx       IN MX    10 mail1
        nullmx   IN MX    0 .
        leaf.branch IN A  192.0.2.3
        short    1   IN TXT "short-lived"
        """;

    /// <summary>Returns the zone header: default TTL, SOA (negative TTL 30 s) and NS records.</summary>
    internal static string Soa(string origin) => $"""
        $ORIGIN {origin}.
        $TTL 300
        @ IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 {NegativeTimeToLive}
        @ IN NS  ns.example.com.

        """;
}
