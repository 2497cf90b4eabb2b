using System;
using System.Net;
using System.Net.Sockets;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Brings an address into the one form that every comparison in this namespace uses.
/// </summary>
/// <remarks>
/// An IPv4-mapped IPv6 address (<c>::ffff:a.b.c.d</c>, RFC 4291 §2.5.5.2) becomes the IPv4
/// address, because a dual-stack socket reports IPv4 peers in that form and SPF must check them
/// with the <c>ip4</c> rules. An IPv6 scope id is dropped, because it names a local interface and
/// is not part of the address that a sender or an SPF record can refer to.
/// </remarks>
public static class IPAddressNormalizer
{
    /// <summary>
    /// Returns <paramref name="address"/> as IPv4 when it is IPv4-mapped, and without a scope id.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address is null)
        {
            throw new ArgumentNullException(nameof(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.ScopeId != 0)
        {
            return new IPAddress(address.GetAddressBytes());
        }

        return address;
    }
}
