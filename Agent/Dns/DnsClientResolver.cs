using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// An uncached <see cref="IDnsResolver"/> that sends every lookup to the configured DNS servers with DnsClient.
/// </summary>
/// <remarks>
/// <para>
/// Caching belongs to <see cref="CachingDnsResolver"/>, so DnsClient's own cache is turned off here. Wrap this
/// resolver in one process-wide <see cref="CachingDnsResolver"/> instead of using it directly.
/// </para>
/// <para>
/// Each try of a query waits <see cref="DnsResolverOptions.QueryTimeout"/>. A try that times out is repeated
/// <see cref="DnsResolverOptions.Retries"/> times before the next server is tried. A truncated UDP response is
/// repeated over TCP. NXDOMAIN and NODATA results carry the negative TTL from the SOA record of the authority
/// section (RFC 2308 §5), or zero when the response has none.
/// </para>
/// <para>
/// NOTE: DnsClient sends a name with non-ASCII characters as IDNA A-labels (punycode), not as raw octets, so such
/// a name matches a zone entry only in its A-label form.
/// </para>
/// </remarks>
public sealed class DnsClientResolver : IDnsResolver
{
    private readonly LookupClient _client;

    /// <summary>Creates a resolver for the servers in <paramref name="options"/>, or the system's if it has none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    public DnsClientResolver(DnsResolverOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        _client = new LookupClient(CreateLookupClientOptions(options));
        Servers = _client.NameServers
            .Select(server => new IPEndPoint(IPAddress.Parse(server.Address), server.Port))
            .ToList();
    }

    /// <summary>The servers that lookups are sent to: the configured ones, else those of the operating system.</summary>
    public IReadOnlyList<IPEndPoint> Servers { get; }

    /// <inheritdoc/>
    public async Task<DnsLookupResult> ResolveAsync(
        string name,
        DnsQueryType type,
        CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!DnsNameSyntax.CanExist(name))
        {
            return DnsLookupResult.NxDomain(TimeSpan.Zero);
        }

        QueryType queryType = ToQueryType(type);
        IDnsQueryResponse response;
        try
        {
            response = await _client
                .QueryAsync(name, queryType, QueryClass.IN, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DnsResponseException exception)
        {
            // DnsClient reports a cancelled query as a timeout, so the caller's token decides which one it was.
            cancellationToken.ThrowIfCancellationRequested();
            return DnsLookupResult.TemporaryFailure(
                exception.Code == DnsResponseCode.ConnectionTimeout
                    ? DnsFailureReasons.Timeout
                    : DnsFailureReasons.NetworkError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.Timeout);
        }
        catch (DnsXidMismatchException)
        {
            // NOTE: a reply whose id matches no query, after DnsClient's own retries. Seen under Mono when a late
            // reply to an earlier, timed-out query arrived on a pooled UDP socket; it is a transient network fault.
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.NetworkError);
        }
        catch (DnsResponseParseException)
        {
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.NetworkError);
        }
        catch (SocketException)
        {
            return DnsLookupResult.TemporaryFailure(DnsFailureReasons.NetworkError);
        }
        catch (ArgumentException)
        {
            // DnsClient rejects a name whose label exceeds 63 octets or whose encoded form exceeds 255 octets
            // (RFC 1035 §2.3.4), after converting non-ASCII labels to IDNA A-labels. No such name can exist.
            return DnsLookupResult.NxDomain(TimeSpan.Zero);
        }

        return DnsResponseMapper.Map(response, type);
    }

    /// <summary>Translates <paramref name="options"/> into DnsClient's settings.</summary>
    internal static LookupClientOptions CreateLookupClientOptions(DnsResolverOptions options)
    {
        LookupClientOptions clientOptions = options.Servers.Count == 0
            ? new LookupClientOptions()
            : new LookupClientOptions(options.Servers.ToArray());

        // CachingDnsResolver owns the process-wide cache, so a second cache here would bypass its TTL policy.
        clientOptions.UseCache = false;
        clientOptions.UseTcpFallback = true;
        clientOptions.Timeout = options.QueryTimeout;
        clientOptions.Retries = options.Retries;

        // The servers are tried in the configured order, as DnsResolverOptions.Servers documents.
        clientOptions.UseRandomNameServer = false;

        // NXDOMAIN and SERVFAIL come back as responses rather than exceptions. One server's SERVFAIL or empty
        // answer is returned as it is, not replaced by another server's response.
        clientOptions.ThrowDnsErrors = false;
        clientOptions.ContinueOnDnsError = false;
        clientOptions.ContinueOnEmptyResponse = false;
        return clientOptions;
    }

    private static QueryType ToQueryType(DnsQueryType type) => type switch
    {
        DnsQueryType.A => QueryType.A,
        DnsQueryType.Aaaa => QueryType.AAAA,
        DnsQueryType.Mx => QueryType.MX,
        DnsQueryType.Txt => QueryType.TXT,
        DnsQueryType.Ptr => QueryType.PTR,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The query type is not one that SPF uses."),
    };
}
