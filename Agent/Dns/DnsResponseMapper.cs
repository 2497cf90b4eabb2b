using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using DnsClient;
using DnsClient.Protocol;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// Converts a DnsClient response into the <see cref="DnsLookupResult"/> that the SPF engine reads.
/// </summary>
internal static class DnsResponseMapper
{
    /// <summary>The longest CNAME chain followed in one answer section. A longer chain is reported as a loop.</summary>
    internal const int MaxCnameChainLength = 16;

    /// <summary>The failure reason for a CNAME chain that loops or is longer than <see cref="MaxCnameChainLength"/>.</summary>
    internal const string CnameLoopReason = "CNAME loop";

    /// <summary>Maps <paramref name="response"/> to a result for the records of <paramref name="type"/>.</summary>
    public static DnsLookupResult Map(IDnsQueryResponse response, DnsQueryType type)
    {
        switch (response.Header.ResponseCode)
        {
            case DnsHeaderResponseCode.NoError:
            case DnsHeaderResponseCode.NotExistentDomain:
                break;
            case DnsHeaderResponseCode.ServerFailure:
                return DnsLookupResult.TemporaryFailure(DnsFailureReasons.ServerFailure);
            case DnsHeaderResponseCode.Refused:
                return DnsLookupResult.TemporaryFailure(DnsFailureReasons.Refused);
            default:
                return DnsLookupResult.TemporaryFailure(DescribeResponseCode(response.Header.ResponseCode));
        }

        // A truncated response that survived the TCP retry contains an unknown part of the answer, so neither its
        // records nor its emptiness can be trusted.
        if (response.Header.ResultTruncated)
        {
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.Truncated);
        }

        string? queryName = response.Questions.Count > 0 ? response.Questions[0].QueryName.Value : null;
        if (queryName is null)
        {
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.NetworkError);
        }

        CnameChain chain = CnameChain.Follow(response.Answers, queryName);
        if (chain.IsLoop)
        {
            // RFC 1034 §3.6.2: CNAME loops are to be signalled as an error, so recursive servers return SERVFAIL.
            return DnsLookupResult.TemporaryFailure(CnameLoopReason);
        }

        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            // RFC 6604 §2: with a CNAME chain in the answer section, NXDOMAIN applies to the last name of the chain.
            return DnsLookupResult.NxDomain(Min(chain.TimeToLive, NegativeTimeToLive(response)));
        }

        List<DnsResourceRecord> records = response.Answers
            .Where(record => IsRequestedType(record, type) && SameName(record.DomainName.Value, chain.Target))
            .ToList();
        if (records.Count == 0)
        {
            return DnsLookupResult.NoData(Min(chain.TimeToLive, NegativeTimeToLive(response)));
        }

        TimeSpan timeToLive = Min(chain.TimeToLive, records.Select(record => Seconds(record.InitialTimeToLive)).Min());
        return type switch
        {
            DnsQueryType.A or DnsQueryType.Aaaa => DnsLookupResult.FromAddresses(ReadAddresses(records), timeToLive),
            DnsQueryType.Txt => DnsLookupResult.FromStrings(ReadTexts(records), timeToLive),
            DnsQueryType.Mx => DnsLookupResult.FromStrings(ReadExchanges(records), timeToLive),
            _ => DnsLookupResult.FromStrings(ReadPointers(records), timeToLive),
        };
    }

    /// <summary>Returns the name without its trailing dot; the root name "." becomes the empty string.</summary>
    internal static string TrimTrailingDot(string name) =>
        name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;

    internal static bool SameName(string left, string right) =>
        string.Equals(TrimTrailingDot(left), TrimTrailingDot(right), StringComparison.OrdinalIgnoreCase);

    // RFC 2181 §8: a TTL with the most significant bit set is treated as zero.
    internal static TimeSpan Seconds(int timeToLive) => TimeSpan.FromSeconds(Math.Max(0, timeToLive));

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;

    /// <summary>
    /// Returns how long a negative answer may be cached: the smaller of the TTL and the MINIMUM field of the SOA
    /// record in the authority section, or zero when there is none.
    /// </summary>
    private static TimeSpan NegativeTimeToLive(IDnsQueryResponse response)
    {
        // RFC 2308 §5: the negative TTL is the minimum of the SOA MINIMUM field and the TTL of the SOA record,
        // and a negative response without an SOA record should not be cached.
        SoaRecord? soa = response.Authorities.OfType<SoaRecord>().FirstOrDefault();
        if (soa is null)
        {
            return TimeSpan.Zero;
        }

        TimeSpan minimum = TimeSpan.FromSeconds(Math.Min(soa.Minimum, (uint)int.MaxValue));
        return Min(Seconds(soa.InitialTimeToLive), minimum);
    }

    private static bool IsRequestedType(DnsResourceRecord record, DnsQueryType type) => type switch
    {
        DnsQueryType.A => record is ARecord,
        DnsQueryType.Aaaa => record is AaaaRecord,
        DnsQueryType.Txt => record is TxtRecord,
        DnsQueryType.Mx => record is MxRecord,
        DnsQueryType.Ptr => record is PtrRecord,
        _ => false,
    };

    private static List<IPAddress> ReadAddresses(IEnumerable<DnsResourceRecord> records) =>
        records.OfType<AddressRecord>().Select(record => record.Address).ToList();

    private static List<string> ReadTexts(IEnumerable<DnsResourceRecord> records) =>
        records.OfType<TxtRecord>().Select(ReadCharacterStrings).ToList();

    // RFC 7208 §3.3: the character-strings of one TXT record are concatenated with no separator.
    private static string ReadCharacterStrings(TxtRecord record) =>
        string.Concat(record.Text.Zip(record.EscapedText, TxtCharacterString.ToOctets));

    private static List<string> ReadExchanges(IEnumerable<DnsResourceRecord> records) =>
        records.OfType<MxRecord>()
            .OrderBy(record => record.Preference)
            .Select(record => TrimTrailingDot(record.Exchange.Value))
            .ToList();

    private static List<string> ReadPointers(IEnumerable<DnsResourceRecord> records) =>
        records.OfType<PtrRecord>().Select(record => TrimTrailingDot(record.PtrDomainName.Value)).ToList();

    private static string DescribeResponseCode(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.FormatError => "FORMERR",
        DnsHeaderResponseCode.NotImplemented => "NOTIMP",
        DnsHeaderResponseCode.ExistingDomain => "YXDOMAIN",
        DnsHeaderResponseCode.ExistingResourceRecordSet => "YXRRSET",
        DnsHeaderResponseCode.MissingResourceRecordSet => "NXRRSET",
        DnsHeaderResponseCode.NotAuthorized => "NOTAUTH",
        DnsHeaderResponseCode.NotZone => "NOTZONE",
        _ => "RCODE " + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
