using System;
using System.Net;
using System.Net.Sockets;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class IPAddressNormalizerTests
{
    [Fact]
    public void Normalize_MapsIPv4MappedToIPv4()
    {
        IPAddress result = IPAddressNormalizer.Normalize(IPAddress.Parse("::ffff:192.0.2.5"));

        Assert.Equal(AddressFamily.InterNetwork, result.AddressFamily);
        Assert.Equal(IPAddress.Parse("192.0.2.5"), result);
    }

    [Fact]
    public void Normalize_DropsScopeId()
    {
        var scoped = new IPAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), 12);

        IPAddress result = IPAddressNormalizer.Normalize(scoped);

        Assert.Equal(0, result.ScopeId);
        Assert.Equal(IPAddress.Parse("fe80::1"), result);
    }

    [Theory]
    [InlineData("192.0.2.5")]
    [InlineData("2001:db8::5")]
    [InlineData("::192.0.2.5")]
    public void Normalize_KeepsOtherAddresses(string text)
    {
        IPAddress address = IPAddress.Parse(text);

        Assert.Same(address, IPAddressNormalizer.Normalize(address));
    }

    [Fact]
    public void Normalize_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => IPAddressNormalizer.Normalize(null!));
    }
}
