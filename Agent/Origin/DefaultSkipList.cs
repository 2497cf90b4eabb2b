using System.Collections.Generic;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The networks whose addresses are not SPF-checked when they turn up as the origin, unless the
/// configuration replaces the list.
/// </summary>
/// <remarks>
/// None of these addresses can be the source of a connection from the public Internet, so no
/// sender's SPF record can meaningfully list them. An origin here is an internal host, a
/// misconfigured relay or a forwarding loop, and checking it would only fail legitimate mail.
/// The shared address space 100.64.0.0/10 (RFC 6598) is included for the same reason: it is
/// reserved for carrier-grade NAT and for networks inside one provider, it is not routed on the
/// Internet, and an origin in it is a host behind the same provider or operator as the relay
/// that saw it. Documentation networks such as 192.0.2.0/24 are not included because they are
/// what tests and examples use as public addresses.
/// </remarks>
public static class DefaultSkipList
{
    /// <summary>Gets the default entries in the form the configuration file uses.</summary>
    public static IReadOnlyList<string> Entries { get; } = new[]
    {
        // RFC 1122 §3.2.1.3: "this network"; 0.0.0.0 is never a valid source address.
        "0.0.0.0/8",

        // RFC 1122 §3.2.1.3: loopback.
        "127.0.0.0/8",

        // RFC 1918 §3: private networks.
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",

        // RFC 6598: shared address space for carrier-grade NAT.
        "100.64.0.0/10",

        // RFC 3927: IPv4 link-local.
        "169.254.0.0/16",

        // RFC 4291 §2.5.2 and §2.5.3: the unspecified address and loopback.
        "::/128",
        "::1/128",

        // RFC 4291 §2.5.6: IPv6 link-local.
        "fe80::/10",

        // RFC 4193: unique local addresses.
        "fc00::/7",
    };

    /// <summary>Gets <see cref="Entries"/> as a list for matching.</summary>
    public static IPAddressRangeList Ranges { get; } = IPAddressRangeList.Parse(Entries);
}
