using System;
using System.Collections.Generic;
using System.Net;
using ExchangeSpfAgent.Dns;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// Range checks of <see cref="DnsResolverOptions"/>.
/// </summary>
public sealed class DnsResolverOptionsTests
{
    // Each case: a setting out of range, and the text that the error message must contain.
    private static readonly Dictionary<string, (DnsResolverOptions Options, string Message)> s_invalid = new()
    {
        ["null servers"] = (new DnsResolverOptions { Servers = null! }, "Servers"),
        ["port 0"] = (new DnsResolverOptions { Servers = new[] { new IPEndPoint(IPAddress.Loopback, 0) } }, "end point"),
        ["zero timeout"] = (new DnsResolverOptions { QueryTimeout = TimeSpan.Zero }, "QueryTimeout"),
        ["negative retries"] = (new DnsResolverOptions { Retries = -1 }, "Retries"),
        ["negative floor"] = (new DnsResolverOptions { MinimumTimeToLive = TimeSpan.FromSeconds(-1) }, "MinimumTimeToLive"),
        ["negative ceiling"] = (new DnsResolverOptions { MaximumTimeToLive = TimeSpan.FromSeconds(-1) }, "MaximumTimeToLive"),
        ["floor above ceiling"] = (
            new DnsResolverOptions { MinimumTimeToLive = TimeSpan.FromHours(2), MaximumTimeToLive = TimeSpan.FromHours(1) },
            "greater than MaximumTimeToLive"),
        ["negative failure ttl"] = (
            new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.FromSeconds(-1) },
            "TemporaryFailureTimeToLive"),
        ["failure ttl over 5 minutes"] = (
            new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.FromMinutes(6) },
            "RFC 2308"),
        ["no cache entries"] = (new DnsResolverOptions { MaxCacheEntries = 0 }, "MaxCacheEntries"),
    };

    public static TheoryData<string> InvalidCases() => new(s_invalid.Keys);

    [Fact]
    public void DefaultsAreValid()
    {
        var options = new DnsResolverOptions();

        options.Validate();

        Assert.Empty(options.Servers);
        Assert.Equal(TimeSpan.FromSeconds(3), options.QueryTimeout);
        Assert.Equal(1, options.Retries);
        Assert.Equal(TimeSpan.Zero, options.MinimumTimeToLive);
        Assert.Equal(TimeSpan.FromHours(1), options.MaximumTimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TemporaryFailureTimeToLive);
        Assert.Equal(10_000, options.MaxCacheEntries);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void OutOfRangeSettingIsRejected(string invalidCase)
    {
        (DnsResolverOptions options, string message) = s_invalid[invalidCase];

        ArgumentException exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
