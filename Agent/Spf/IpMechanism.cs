using System.Net.Sockets;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the ip4 and ip6 mechanisms (RFC 7208 §5.6), which need no DNS.
/// </summary>
internal static class IpMechanism
{
    public static TermOutcome Evaluate(SpfEvaluationContext context, SpfMechanism mechanism)
    {
        // RFC 7208 §5.6: ip4 matches only IPv4 clients and ip6 only IPv6 clients. An IPv4-mapped
        // client was already turned into IPv4, so it never matches ip6.
        int prefixLength = mechanism.Network!.AddressFamily == AddressFamily.InterNetwork
            ? mechanism.Ipv4PrefixLength
            : mechanism.Ipv6PrefixLength;
        return TermOutcome.FromMatch(AddressMatcher.Matches(context.ClientBytes, mechanism.NetworkBytes!, prefixLength));
    }
}
