using System.Collections.Generic;
using System.Net.Sockets;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Looks up the address records of one host name and compares them with the client under the
/// mechanism's CIDR lengths. The a and mx mechanisms share it (RFC 7208 §5.3, §5.4).
/// </summary>
internal static class AddressRecords
{
    /// <summary>
    /// Returns the outcome for one host and whether its lookup was void (NXDOMAIN or no records).
    /// </summary>
    public static async SpfTask<(TermOutcome Outcome, bool IsVoid)> MatchAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string host,
        int depth,
        string domain)
    {
        // RFC 7208 §5: A records for an IPv4 client, AAAA records for an IPv6 client.
        DnsLookupResult answer = await context.LookupAsync(host, context.AddressQueryType);
        switch (answer.Status)
        {
            case DnsResponseStatus.TemporaryFailure:
                // RFC 7208 §5: a DNS error other than NXDOMAIN ends the check with temperror.
                return (TermOutcome.TempError(
                    $"The {context.AddressQueryType} lookup for {host} failed ({answer.FailureReason})."), false);
            case DnsResponseStatus.NxDomain:
            case DnsResponseStatus.NoData:
                context.AddTrace(depth, domain, mechanism.Text, $"{host} has no {context.AddressQueryType} records");
                return (TermOutcome.NoMatch, true);
        }

        int prefixLength = context.Client.AddressFamily == AddressFamily.InterNetwork
            ? mechanism.Ipv4PrefixLength
            : mechanism.Ipv6PrefixLength;
        IReadOnlyList<byte[]> addresses = answer.GetAddressBytes();
        for (int index = 0; index < addresses.Count; index++)
        {
            if (AddressMatcher.Matches(context.ClientBytes, addresses[index], prefixLength))
            {
                return (TermOutcome.Match, false);
            }
        }

        return (TermOutcome.NoMatch, false);
    }
}
