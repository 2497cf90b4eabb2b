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
    public static IEnumerable<object[]> InvalidOptions()
    {
        yield return Case("Servers", new DnsResolverOptions { Servers = null! });
        yield return Case("end point", new DnsResolverOptions { Servers = new[] { new IPEndPoint(IPAddress.Loopback, 0) } });
        yield return Case("QueryTimeout", new DnsResolverOptions { QueryTimeout = TimeSpan.Zero });
        yield return Case("Retries", new DnsResolverOptions { Retries = -1 });
        yield return Case("MinimumTimeToLive", new DnsResolverOptions { MinimumTimeToLive = TimeSpan.FromSeconds(-1) });
        yield return Case("MaximumTimeToLive", new DnsResolverOptions { MaximumTimeToLive = TimeSpan.FromSeconds(-1) });
        yield return Case(
            "greater than MaximumTimeToLive",
            new DnsResolverOptions { MinimumTimeToLive = TimeSpan.FromHours(2), MaximumTimeToLive = TimeSpan.FromHours(1) });
        yield return Case(
            "TemporaryFailureTimeToLive",
            new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.FromSeconds(-1) });
        yield return Case("RFC 2308", new DnsResolverOptions { TemporaryFailureTimeToLive = TimeSpan.FromMinutes(6) });
        yield return Case("MaxCacheEntries", new DnsResolverOptions { MaxCacheEntries = 0 });
    }

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
    [MemberData(nameof(InvalidOptions))]
    public void OutOfRangeSettingIsRejected(string expectedInMessage, DnsResolverOptions options)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expectedInMessage, exception.Message, StringComparison.Ordinal);
    }

    private static object[] Case(string expectedInMessage, DnsResolverOptions options) =>
        new object[] { expectedInMessage, options };
}
