using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The outcome of one DNS lookup: its status and, for an answer, the records.
/// </summary>
/// <remarks>
/// A and AAAA answers fill <see cref="Addresses"/>; TXT, MX and PTR answers fill <see cref="Strings"/>
/// (TXT character-strings of one record already joined with no separator, RFC 7208 §3.3; MX exchange
/// names; PTR target names). Names carry no trailing dot.
/// </remarks>
public sealed class DnsLookupResult
{
    private static readonly IReadOnlyList<string> s_noStrings = Array.Empty<string>();
    private static readonly IReadOnlyList<IPAddress> s_noAddresses = Array.Empty<IPAddress>();

    // NOTE: these memos are written without a lock; two evaluations that fill one at once each compute it and
    // one result is kept. Both are equal and never changed, so either is correct.
    private RecordSelection? _spfSelection;
    private IReadOnlyList<byte[]>? _addressBytes;

    private DnsLookupResult(
        DnsResponseStatus status,
        IReadOnlyList<string> strings,
        IReadOnlyList<IPAddress> addresses,
        TimeSpan timeToLive,
        string? failureReason,
        bool fromCache)
    {
        Status = status;
        Strings = strings;
        Addresses = addresses;
        TimeToLive = timeToLive;
        FailureReason = failureReason;
        FromCache = fromCache;
    }

    /// <summary>The status of the lookup.</summary>
    public DnsResponseStatus Status { get; }

    /// <summary>TXT strings, MX exchange names or PTR names; empty for other types and outcomes.</summary>
    public IReadOnlyList<string> Strings { get; }

    /// <summary>A or AAAA addresses; empty for other types and outcomes.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>How long the result may be cached: the record TTL, or the SOA minimum for negative results.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>A short description of a temporary failure (timeout, SERVFAIL, REFUSED), else null.</summary>
    public string? FailureReason { get; }

    /// <summary>True when the result came from a cache rather than a query sent on the network.</summary>
    public bool FromCache { get; }

    /// <summary>Creates an answer holding text-type records (TXT, MX or PTR).</summary>
    public static DnsLookupResult FromStrings(IReadOnlyList<string> strings, TimeSpan timeToLive)
    {
        if (strings is null)
        {
            throw new ArgumentNullException(nameof(strings));
        }

        return strings.Count == 0
            ? NoData(timeToLive)
            : new DnsLookupResult(DnsResponseStatus.Answer, strings, s_noAddresses, timeToLive, null, false);
    }

    /// <summary>Creates an answer holding address records (A or AAAA).</summary>
    public static DnsLookupResult FromAddresses(IReadOnlyList<IPAddress> addresses, TimeSpan timeToLive)
    {
        if (addresses is null)
        {
            throw new ArgumentNullException(nameof(addresses));
        }

        return addresses.Count == 0
            ? NoData(timeToLive)
            : new DnsLookupResult(DnsResponseStatus.Answer, s_noStrings, addresses, timeToLive, null, false);
    }

    /// <summary>Creates a NODATA result: the name exists without records of the requested type.</summary>
    public static DnsLookupResult NoData(TimeSpan timeToLive) =>
        new(DnsResponseStatus.NoData, s_noStrings, s_noAddresses, timeToLive, null, false);

    /// <summary>Creates an NXDOMAIN result.</summary>
    public static DnsLookupResult NxDomain(TimeSpan timeToLive) =>
        new(DnsResponseStatus.NxDomain, s_noStrings, s_noAddresses, timeToLive, null, false);

    /// <summary>Creates a temporary failure with a reason such as "timeout" or "SERVFAIL".</summary>
    public static DnsLookupResult TemporaryFailure(string reason) =>
        new(DnsResponseStatus.TemporaryFailure, s_noStrings, s_noAddresses, TimeSpan.Zero, reason, false);

    /// <summary>
    /// Returns the SPF record selected from the TXT strings (RFC 7208 §4.5), parsing them only on the first call.
    /// </summary>
    internal RecordSelection SelectSpfRecord() => _spfSelection ??= RecordSelection.Select(Strings);

    /// <summary>Returns the bytes of each of <see cref="Addresses"/>, computing them only on the first call.</summary>
    internal IReadOnlyList<byte[]> GetAddressBytes()
    {
        if (_addressBytes is null)
        {
            var bytes = new byte[Addresses.Count][];
            for (int index = 0; index < bytes.Length; index++)
            {
                bytes[index] = Addresses[index].GetAddressBytes();
            }

            _addressBytes = bytes;
        }

        return _addressBytes;
    }

    /// <summary>Returns a copy of this result marked as served from a cache.</summary>
    public DnsLookupResult AsCached() =>
        FromCache ? this : new DnsLookupResult(Status, Strings, Addresses, TimeToLive, FailureReason, true);
}
