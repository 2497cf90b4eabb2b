using System.Net;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class AddressMatcherTests
{
    [Theory]
    [InlineData("192.0.2.3", "192.0.2.3", 32, true)]
    [InlineData("192.0.2.3", "192.0.2.4", 32, false)]
    [InlineData("192.0.2.3", "192.0.2.0", 24, true)]
    [InlineData("192.0.3.3", "192.0.2.0", 24, false)]
    [InlineData("192.0.2.130", "192.0.2.128", 25, true)]
    [InlineData("192.0.2.127", "192.0.2.128", 25, false)]
    [InlineData("10.1.2.3", "1.1.1.1", 0, true)]
    [InlineData("2001:db8::1", "2001:db8::", 32, true)]
    [InlineData("2001:db9::1", "2001:db8::", 32, false)]
    [InlineData("cafe:babe:8000::", "cafe:babe:8000::", 33, true)]
    [InlineData("cafe:babe::", "cafe:babe:8000::", 33, false)]
    [InlineData("2001:db8::1", "::", 0, true)]
    [InlineData("192.0.2.3", "::", 0, false)]
    [InlineData("2001:db8::1", "0.0.0.0", 0, false)]
    public void Matches_ComparesPrefix(string client, string network, int prefix, bool expected)
    {
        Assert.Equal(expected, AddressMatcher.Matches(IPAddress.Parse(client), IPAddress.Parse(network), prefix));
    }

    [Theory]
    [InlineData("::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("::FFFF:192.0.2.1", "192.0.2.1")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("192.0.2.1", "192.0.2.1")]
    public void Normalize_TurnsMappedAddressIntoIpv4(string client, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), AddressMatcher.Normalize(IPAddress.Parse(client)));
    }
}
