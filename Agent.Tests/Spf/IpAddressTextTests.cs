using System.Net;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class IpAddressTextTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.1")]
    [InlineData("255.255.255.255")]
    public void TryParseIpv4_AcceptsDottedQuad(string text)
    {
        Assert.True(IpAddressText.TryParseIpv4(text, out IPAddress? address));
        Assert.Equal(IPAddress.Parse(text), address);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.03.4")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.")]
    [InlineData("1..3.4")]
    [InlineData("1.2.3.a")]
    [InlineData("0x1.2.3.4")]
    [InlineData("1234")]
    [InlineData("")]
    public void TryParseIpv4_RejectsOtherForms(string text)
    {
        Assert.False(IpAddressText.TryParseIpv4(text, out _));
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::")]
    [InlineData("2001:DB8:0:0:0:0:0:1")]
    [InlineData("::1.1.1.1")]
    [InlineData("::FFFF:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:7::")]
    public void TryParseIpv6_AcceptsTextForms(string text)
    {
        Assert.True(IpAddressText.TryParseIpv6(text, out IPAddress? address));
        Assert.Equal(IPAddress.Parse(text), address);
    }

    [Theory]
    [InlineData(":CAFE::BABE")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("::1%5")]
    [InlineData("[::1]")]
    [InlineData("::1.2.3")]
    [InlineData("::1.2.3.04")]
    [InlineData("12345::")]
    [InlineData("1.2.3.4")]
    [InlineData("")]
    public void TryParseIpv6_RejectsOtherForms(string text)
    {
        Assert.False(IpAddressText.TryParseIpv6(text, out _));
    }
}
