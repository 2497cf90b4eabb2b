using System.Net;
using System.Net.Sockets;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class IPAddressSyntaxTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6::8", "1:2:3:4:5:6:0:8")]
    [InlineData("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    [InlineData("64:ff9b::192.0.2.1", "64:ff9b::c000:201")]
    [InlineData("1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:c000:201")]
    public void TryParseAddress_AcceptsStrictForms(string text, string expected)
    {
        Assert.True(IPAddressSyntax.TryParseAddress(text, out IPAddress? address));
        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 192.0.2.1")]
    [InlineData("192.0.2.1 ")]
    [InlineData("192.0.2")]
    [InlineData("192.0.2.1.5")]
    [InlineData("192.0.2.256")]
    [InlineData("192.0.2.01")]
    [InlineData("010.0.0.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1")]
    [InlineData("3221225985")]
    [InlineData("192.0.2.-1")]
    [InlineData("192..2.1")]
    [InlineData("[192.0.2.1]")]
    [InlineData("2001:db8::1%12")]
    [InlineData("IPv6:2001:db8::1")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1:::2")]
    [InlineData(":1::2")]
    [InlineData("1::2:")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4::5:6:7:8")]
    [InlineData("12345::1")]
    [InlineData("g::1")]
    [InlineData("1:2:3:4:5:6:7:192.0.2.1")]
    [InlineData("::ffff:192.0.2")]
    [InlineData("::ffff:1a.0.2.1")]
    [InlineData("::192.0.2.1:1")]
    [InlineData("\uff11.0.2.1")]
    public void TryParseAddress_RejectsOtherForms(string? text)
    {
        Assert.False(IPAddressSyntax.TryParseAddress(text, out IPAddress? address));
        Assert.Null(address);
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("[192.0.2.1]", "192.0.2.1")]
    [InlineData("2001:db8::5", "2001:db8::5")]
    [InlineData("[2001:db8::5]", "2001:db8::5")]
    [InlineData("IPv6:2001:db8::5", "2001:db8::5")]
    [InlineData("[IPv6:2001:db8::5]", "2001:db8::5")]
    [InlineData("ipv6:2001:DB8::5", "2001:db8::5")]
    [InlineData("::ffff:192.0.2.5", "192.0.2.5")]
    [InlineData("[IPv6:::ffff:192.0.2.5]", "192.0.2.5")]
    [InlineData("::ffff:c000:205", "192.0.2.5")]
    [InlineData("fe80::1%12", "fe80::1")]
    [InlineData("[fe80::8d1c:2f4a:91b3:7e05%eth0]", "fe80::8d1c:2f4a:91b3:7e05")]
    public void TryParseLiteral_ReturnsNormalizedAddress(string text, string expected)
    {
        Assert.True(IPAddressSyntax.TryParseLiteral(text, out IPAddress? address));
        Assert.Equal(IPAddress.Parse(expected), address);
        Assert.Equal(0, address!.AddressFamily == AddressFamily.InterNetworkV6 ? address.ScopeId : 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[")]
    [InlineData("[192.0.2.1")]
    [InlineData("192.0.2.1]")]
    [InlineData("[[192.0.2.1]]")]
    [InlineData("IPv6:192.0.2.1")]
    [InlineData("[IPv6:192.0.2.1]")]
    [InlineData("IPv6:")]
    [InlineData("IPv4:192.0.2.1")]
    [InlineData("192.0.2.1%1")]
    [InlineData("fe80::1%")]
    [InlineData("fe80::1%a b")]
    [InlineData("192.0.2.1:25")]
    [InlineData("mail.example.org")]
    public void TryParseLiteral_RejectsInvalidLiteral(string? text)
    {
        Assert.False(IPAddressSyntax.TryParseLiteral(text, out IPAddress? address));
        Assert.Null(address);
    }
}
