using System;
using System.Collections.Generic;
using System.Linq;
using DnsClient.Protocol;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// The CNAME records of an answer section that lead from the query name to the name that owns the records.
/// </summary>
internal sealed class CnameChain
{
    private CnameChain(string target, TimeSpan timeToLive, bool isLoop)
    {
        Target = target;
        TimeToLive = timeToLive;
        IsLoop = isLoop;
    }

    /// <summary>The last name of the chain: the query name itself when the answer section contains no CNAME for it.</summary>
    public string Target { get; }

    /// <summary>The smallest TTL of the CNAME records followed, or <see cref="TimeSpan.MaxValue"/> for none.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>True when the chain returns to a name already seen or is longer than the mapper follows.</summary>
    public bool IsLoop { get; }

    /// <summary>Follows the CNAME records in <paramref name="answers"/> from <paramref name="queryName"/>.</summary>
    public static CnameChain Follow(IReadOnlyList<DnsResourceRecord> answers, string queryName)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { DnsResponseMapper.TrimTrailingDot(queryName) };
        string current = queryName;
        TimeSpan timeToLive = TimeSpan.MaxValue;
        for (int length = 0; length <= DnsResponseMapper.MaxCnameChainLength; length++)
        {
            CNameRecord? alias = answers
                .OfType<CNameRecord>()
                .FirstOrDefault(record => DnsResponseMapper.SameName(record.DomainName.Value, current));
            if (alias is null)
            {
                return new CnameChain(current, timeToLive, isLoop: false);
            }

            TimeSpan aliasTimeToLive = DnsResponseMapper.Seconds(alias.InitialTimeToLive);
            timeToLive = aliasTimeToLive < timeToLive ? aliasTimeToLive : timeToLive;
            current = alias.CanonicalName.Value;
            if (!seen.Add(DnsResponseMapper.TrimTrailingDot(current)))
            {
                break;
            }
        }

        return new CnameChain(current, timeToLive, isLoop: true);
    }
}
