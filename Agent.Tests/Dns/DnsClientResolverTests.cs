using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Infrastructure;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// <see cref="DnsClientResolver"/> against NSD serving <see cref="DnsTestZones"/>, and against a black hole.
/// </summary>
[Collection(DnsTestServersCollection.Name)]
public sealed class DnsClientResolverTests
{
    private static readonly TimeSpan s_negativeTimeToLive = TimeSpan.FromSeconds(DnsTestZones.NegativeTimeToLive);
    private readonly DnsTestServers _servers;

    public DnsClientResolverTests(DnsTestServers servers)
    {
        _servers = servers;
    }

    [NsdFact]
    public async Task MultiStringTxtJoinedWithoutSeparator()
    {
        DnsLookupResult result = await Resolve("multi.example.com", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.Equal(new[] { "v=spf1 ip4:192.0.2.1 -all" }, result.Strings);
        Assert.Equal(TimeSpan.FromSeconds(300), result.TimeToLive);
        Assert.False(result.FromCache);
    }

    [NsdFact]
    public async Task TwoTxtRecordsAreBothReturned()
    {
        DnsLookupResult result = await Resolve("two.example.com", DnsQueryType.Txt);

        Assert.Equal(new[] { "first", "second" }, result.Strings.OrderBy(text => text, StringComparer.Ordinal));
    }

    [NsdFact]
    public async Task TxtOver512BytesArrivesOverTcp()
    {
        DnsLookupResult result = await Resolve("big.example.com", DnsQueryType.Txt);

        string expected = new string('a', DnsTestZones.BigStringLength)
            + new string('b', DnsTestZones.BigStringLength)
            + new string('c', DnsTestZones.BigStringLength);
        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.Equal(expected, Assert.Single(result.Strings));
    }

    [NsdFact]
    public async Task TxtOver512BytesIsTruncatedOverUdp()
    {
        // The control for the TCP test: the same query without the TCP retry gets no complete response over UDP.
        var options = new LookupClientOptions(_servers.Nsd.EndPoint) { UseCache = false, UseTcpFallback = false };
        var client = new LookupClient(options);

        DnsResponseException exception = await Assert.ThrowsAsync<DnsResponseException>(
            () => client.QueryAsync("big.example.com", QueryType.TXT));

        Assert.Contains("truncated", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [NsdFact]
    public async Task NonAsciiTxtOctetsKeptAsLatin1()
    {
        DnsLookupResult result = await Resolve("escaped.example.com", DnsQueryType.Txt);

        Assert.Equal("semi;colon \"quoted\" back\\slash \u00C8\u00FF", Assert.Single(result.Strings));
    }

    [NsdFact]
    public async Task AddressLookupsReturnEveryAddress()
    {
        DnsLookupResult ipv4 = await Resolve("host.example.com", DnsQueryType.A);
        DnsLookupResult ipv6 = await Resolve("HOST.Example.COM.", DnsQueryType.Aaaa);

        Assert.Equal(
            new[] { IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2") },
            ipv4.Addresses.OrderBy(address => address.ToString()));
        Assert.Empty(ipv4.Strings);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), Assert.Single(ipv6.Addresses));
    }

    [NsdFact]
    public async Task MissingNameIsNxDomainWithSoaMinimum()
    {
        DnsLookupResult result = await Resolve("missing.example.com", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.NxDomain, result.Status);
        Assert.Equal(s_negativeTimeToLive, result.TimeToLive);
        Assert.Empty(result.Strings);
    }

    [NsdTheory]
    [InlineData("host.example.com", DnsQueryType.Txt)]
    [InlineData("multi.example.com", DnsQueryType.A)]
    [InlineData("host.example.com", DnsQueryType.Mx)]
    [InlineData("branch.example.com", DnsQueryType.A)]
    [InlineData("example.com", DnsQueryType.Ptr)]
    public async Task NameWithoutThatTypeIsNoData(string name, DnsQueryType type)
    {
        DnsLookupResult result = await Resolve(name, type);

        Assert.Equal(DnsResponseStatus.NoData, result.Status);
        Assert.Equal(s_negativeTimeToLive, result.TimeToLive);
    }

    [NsdFact]
    public async Task CnameChainIsFollowed()
    {
        DnsLookupResult result = await Resolve("alias.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.Equal(2, result.Addresses.Count);
        Assert.Equal(TimeSpan.FromSeconds(60), result.TimeToLive);
    }

    [NsdFact]
    public async Task CnameChainWithoutThatTypeIsNoData()
    {
        DnsLookupResult result = await Resolve("alias.example.com", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.NoData, result.Status);
        Assert.Equal(s_negativeTimeToLive, result.TimeToLive);
    }

    [NsdFact]
    public async Task CnameToMissingNameIsNxDomain()
    {
        DnsLookupResult result = await Resolve("dangling.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.NxDomain, result.Status);
        Assert.Equal(s_negativeTimeToLive, result.TimeToLive);
    }

    [NsdFact]
    public async Task CnameLoopIsTemporaryFailure()
    {
        DnsLookupResult result = await Resolve("loop1.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal("CNAME loop", result.FailureReason);
    }

    [NsdFact]
    public async Task MxNamesSortedWithoutTrailingDot()
    {
        DnsLookupResult result = await Resolve("mx.example.com", DnsQueryType.Mx);

        Assert.Equal(new[] { "mail1.example.com", "mail2.example.com" }, result.Strings);
    }

    [NsdFact]
    public async Task NullMxIsTheEmptyName()
    {
        DnsLookupResult result = await Resolve("nullmx.example.com", DnsQueryType.Mx);

        Assert.Equal(DnsResponseStatus.Answer, result.Status);
        Assert.Equal(string.Empty, Assert.Single(result.Strings));
    }

    [NsdFact]
    public async Task PtrForIPv4ReturnsEveryName()
    {
        DnsLookupResult one = await Resolve("1.2.0.192.in-addr.arpa", DnsQueryType.Ptr);
        DnsLookupResult two = await Resolve("2.2.0.192.in-addr.arpa", DnsQueryType.Ptr);

        Assert.Equal(new[] { "host.example.com" }, one.Strings);
        Assert.Equal(
            new[] { "host.example.com", "other.example.com" },
            two.Strings.OrderBy(name => name, StringComparer.Ordinal));
    }

    [NsdFact]
    public async Task PtrForIPv6NibbleName()
    {
        DnsLookupResult result = await Resolve(
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
            DnsQueryType.Ptr);

        Assert.Equal(new[] { "host.example.com" }, result.Strings);
    }

    [NsdFact]
    public async Task ServerFailureIsTemporaryFailure()
    {
        DnsLookupResult result = await Resolve("any.servfail.example", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal(DnsFailureReasons.ServerFailure, result.FailureReason);
        Assert.Equal(TimeSpan.Zero, result.TimeToLive);
    }

    [NsdFact]
    public async Task RefusedIsTemporaryFailure()
    {
        DnsLookupResult result = await Resolve("example.org", DnsQueryType.Txt);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal(DnsFailureReasons.Refused, result.FailureReason);
    }

    [Fact]
    public async Task SilentServerIsTimeoutAfterEveryRetry()
    {
        using var blackHole = new BlackHoleDnsServer();
        var resolver = new DnsClientResolver(new DnsResolverOptions
        {
            Servers = new[] { blackHole.EndPoint },
            QueryTimeout = TimeSpan.FromMilliseconds(200),
            Retries = 2,
        });

        DnsLookupResult result = await resolver.ResolveAsync("host.example.com", DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.TemporaryFailure, result.Status);
        Assert.Equal(DnsFailureReasons.Timeout, result.FailureReason);
        Assert.True(DnsFailureReasons.IsTimeout(result));
        Assert.Equal(3, blackHole.Received);
    }

    [Fact]
    public async Task CancelledLookupThrowsOperationCanceled()
    {
        var resolver = new DnsClientResolver(new DnsResolverOptions
        {
            Servers = new[] { _servers.BlackHole.EndPoint },
            QueryTimeout = TimeSpan.FromSeconds(10),
            Retries = 0,
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var elapsed = Stopwatch.StartNew();

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => resolver.ResolveAsync("host.example.com", DnsQueryType.A, cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"Cancellation took {elapsed.Elapsed}.");
    }

    [Theory]
    [InlineData("a..example.com")]
    [InlineData(".example.com")]
    [InlineData("label-of-sixty-four-octets-is-one-more-than-rfc-1035-allows-xxxx.example.com")]
    public async Task InvalidNameIsNxDomainWithoutQuery(string name)
    {
        using var blackHole = new BlackHoleDnsServer();
        var resolver = new DnsClientResolver(DnsTestServers.OptionsFor(blackHole.EndPoint));

        DnsLookupResult result = await resolver.ResolveAsync(name, DnsQueryType.A);

        Assert.Equal(DnsResponseStatus.NxDomain, result.Status);
        Assert.Equal(TimeSpan.Zero, result.TimeToLive);
        Assert.Equal(0, blackHole.Received);
    }

    [Fact]
    public void ClientOptionsFollowSettings()
    {
        var server = new IPEndPoint(IPAddress.Loopback, 5353);
        var options = new DnsResolverOptions
        {
            Servers = new[] { server },
            QueryTimeout = TimeSpan.FromMilliseconds(1500),
            Retries = 3,
        };

        LookupClientOptions clientOptions = DnsClientResolver.CreateLookupClientOptions(options);
        var resolver = new DnsClientResolver(options);

        Assert.False(clientOptions.UseCache);
        Assert.True(clientOptions.UseTcpFallback);
        Assert.False(clientOptions.ThrowDnsErrors);
        Assert.False(clientOptions.ContinueOnDnsError);
        Assert.False(clientOptions.ContinueOnEmptyResponse);
        Assert.False(clientOptions.UseRandomNameServer);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clientOptions.Timeout);
        Assert.Equal(3, clientOptions.Retries);
        Assert.False(clientOptions.AutoResolveNameServers);
        Assert.Equal(new[] { server }, resolver.Servers);
    }

    [Fact]
    public void EmptyServerListMeansSystemServers()
    {
        // Only the options are built: creating a LookupClient would read the system's resolver configuration.
        LookupClientOptions clientOptions = DnsClientResolver.CreateLookupClientOptions(new DnsResolverOptions());

        Assert.True(clientOptions.AutoResolveNameServers);
        Assert.Empty(clientOptions.NameServers);
    }

    private Task<DnsLookupResult> Resolve(string name, DnsQueryType type) =>
        new DnsClientResolver(_servers.NsdOptions()).ResolveAsync(name, type);
}
