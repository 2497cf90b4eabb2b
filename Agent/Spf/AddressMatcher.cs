using System.Net;
using System.Net.Sockets;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Compares addresses under a prefix length (RFC 7208 §5.6).
/// </summary>
internal static class AddressMatcher
{
    /// <summary>
    /// True when <paramref name="client"/> and <paramref name="network"/> are of the same family and
    /// agree in their first <paramref name="prefixLength"/> bits.
    /// </summary>
    public static bool Matches(IPAddress client, IPAddress network, int prefixLength) =>
        client.AddressFamily == network.AddressFamily
        && Matches(client.GetAddressBytes(), network.GetAddressBytes(), prefixLength);

    /// <summary>
    /// True when the address bytes <paramref name="client"/> and <paramref name="network"/> are of the same
    /// length (4 for IPv4, 16 for IPv6) and agree in their first <paramref name="prefixLength"/> bits.
    /// </summary>
    public static bool Matches(byte[] client, byte[] network, int prefixLength)
    {
        if (client.Length != network.Length)
        {
            return false;
        }

        int fullBytes = prefixLength / 8;
        for (int index = 0; index < fullBytes; index++)
        {
            if (client[index] != network[index])
            {
                return false;
            }
        }

        int remainingBits = prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (client[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /// <summary>
    /// Returns the address that SPF evaluates: an IPv4-mapped IPv6 address becomes its IPv4 address, and an
    /// IPv6 address loses its scope id (zone index).
    /// </summary>
    public static IPAddress Normalize(IPAddress client)
    {
        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client;
        }

        // RFC 7208 §5: an IPv4-mapped IPv6 client address MUST be treated as an IPv4 address.
        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4();
        }

        // RFC 7208 §7.3: "c" is an RFC 4291 §2.2 text form, which has no zone index such as "%5".
        return client.ScopeId == 0 ? client : new IPAddress(client.GetAddressBytes());
    }
}
