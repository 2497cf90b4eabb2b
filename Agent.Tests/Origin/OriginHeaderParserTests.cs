using System;
using System.Net;
using System.Net.Sockets;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class OriginHeaderParserTests
{
    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5", null)]
    [InlineData("  203.0.113.5\t", "203.0.113.5", null)]
    [InlineData("2001:db8::5", "2001:db8::5", null)]
    [InlineData("[2001:db8::5]", "2001:db8::5", null)]
    [InlineData("IPv6:2001:db8::5", "2001:db8::5", null)]
    [InlineData("[IPv6:2001:db8::5]", "2001:db8::5", null)]
    [InlineData("ipv6:2001:DB8::5", "2001:db8::5", null)]
    [InlineData("[203.0.113.5]", "203.0.113.5", null)]
    [InlineData("::ffff:192.0.2.5", "192.0.2.5", null)]
    [InlineData("[::ffff:192.0.2.5]", "192.0.2.5", null)]
    [InlineData("fe80::1%12", "fe80::1", null)]
    [InlineData("203.0.113.5; helo=mail.example.org", "203.0.113.5", "mail.example.org")]
    [InlineData("203.0.113.5;helo=mail.example.org", "203.0.113.5", "mail.example.org")]
    [InlineData("203.0.113.5 ; HELO = mail.example.org ;", "203.0.113.5", "mail.example.org")]
    [InlineData("[2001:db8::5]; helo=mail6.example.org", "2001:db8::5", "mail6.example.org")]
    [InlineData("::ffff:192.0.2.5; helo=mail.example.org", "192.0.2.5", "mail.example.org")]
    [InlineData("IPv6:2001:db8::5;helo=[IPv6:2001:db8::5]", "2001:db8::5", "[IPv6:2001:db8::5]")]
    [InlineData("203.0.113.5; helo=[192.0.2.99]", "203.0.113.5", "[192.0.2.99]")]
    [InlineData("203.0.113.5; helo=<mail.example.org>", "203.0.113.5", "mail.example.org")]
    [InlineData("(appliance) 203.0.113.5 (client) ; helo=mail.example.org (as sent)", "203.0.113.5", "mail.example.org")]
    [InlineData("(a (nested) comment) 203.0.113.5", "203.0.113.5", null)]
    [InlineData("203.0.113.5;\r\n helo=mail.example.org", "203.0.113.5", "mail.example.org")]
    [InlineData("203.0.113.5\r\n\t; helo=mail.example.org", "203.0.113.5", "mail.example.org")]
    [InlineData("203.0.113.5; tls=1.3; helo=mail.example.org; port=25", "203.0.113.5", "mail.example.org")]
    [InlineData("203.0.113.5; x-score=\"4\"", "203.0.113.5", null)]
    [InlineData("203.0.113.5;", "203.0.113.5", null)]
    public void TryParse_ReadsAddressAndHelo(string value, string address, string? helo)
    {
        Assert.True(OriginHeaderParser.TryParse(value, out OriginHeaderValue? result, out string? failureReason));
        Assert.Null(failureReason);
        Assert.Equal(IPAddress.Parse(address), result!.Address);
        Assert.Equal(helo, result.Helo);
    }

    [Fact]
    public void TryParse_ReturnsMappedAsIPv4()
    {
        OriginHeaderValue result = OriginHeaderParser.Parse("::ffff:192.0.2.5");

        Assert.Equal(AddressFamily.InterNetwork, result.Address.AddressFamily);
    }

    [Fact]
    public void TryParse_UnknownParametersLeaveNoProblem()
    {
        OriginHeaderValue result = OriginHeaderParser.Parse("203.0.113.5; tls=1.3; helo=mail.example.org");

        Assert.Null(result.HeloProblem);
    }

    [Theory]
    [InlineData("203.0.113.5; helo=bad name")]
    [InlineData("203.0.113.5; helo=a..b")]
    [InlineData("203.0.113.5; helo=-bad.example")]
    [InlineData("203.0.113.5; helo=[192.0.2]")]
    [InlineData("203.0.113.5; helo=x.example; helo=y.example")]
    [InlineData("203.0.113.5; helo=mail.ex\u00e4mple.org")]
    [InlineData("203.0.113.5; helo=mail\u0001.example.org")]
    [InlineData("203.0.113.5; garbage")]
    [InlineData("203.0.113.5; =mail.example.org")]
    [InlineData("203.0.113.5; helo=")]
    [InlineData("203.0.113.5; helo")]
    [InlineData("203.0.113.5; helo=x(unclosed")]
    [InlineData("203.0.113.5; (unclosed")]
    [InlineData("203.0.113.5; helo=mail.example.org\r\nX-Injected: 1")]
    public void TryParse_BadParametersKeepAddress(string value)
    {
        Assert.True(OriginHeaderParser.TryParse(value, out OriginHeaderValue? result, out _));
        Assert.Equal(IPAddress.Parse("203.0.113.5"), result!.Address);
        Assert.Null(result.Helo);
        Assert.False(string.IsNullOrEmpty(result.HeloProblem));
    }

    [Fact]
    public void TryParse_OverLongParametersKeepAddress()
    {
        string value = "203.0.113.5; helo=" + new string('a', OriginHeaderParser.MaxValueLength);

        Assert.True(OriginHeaderParser.TryParse(value, out OriginHeaderValue? result, out _));
        Assert.Equal(IPAddress.Parse("203.0.113.5"), result!.Address);
        Assert.Null(result.Helo);
        Assert.Contains("longer than 1024", result.HeloProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValueAtLimitKeepsHelo()
    {
        string prefix = "203.0.113.5; helo=";
        string label = new string('a', 63) + ".";
        string helo = label + label + label + "example";
        string value = prefix + helo + " ; x=" + new string('b', OriginHeaderParser.MaxValueLength - prefix.Length - helo.Length - 5);

        Assert.Equal(OriginHeaderParser.MaxValueLength, value.Length);
        Assert.Equal(helo, OriginHeaderParser.Parse(value).Helo);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n ")]
    [InlineData("garbage")]
    [InlineData("unknown")]
    [InlineData("mail.example.org")]
    [InlineData("203.0.113")]
    [InlineData("203.0.113.5.6")]
    [InlineData("256.1.1.1")]
    [InlineData("010.1.1.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1")]
    [InlineData("203.0.113.5 198.51.100.1")]
    [InlineData("203.0.113.5,198.51.100.1")]
    [InlineData("203.0.113.5, 198.51.100.1")]
    [InlineData("[203.0.113.5")]
    [InlineData("203.0.113.5]")]
    [InlineData("IPv6:203.0.113.5")]
    [InlineData("2001:db8::5::1")]
    [InlineData("2001:db8:::5")]
    [InlineData("203.0.113.5:25")]
    [InlineData("203.0.113.5/32")]
    [InlineData("\uff12\uff10\uff13.0.113.5")]
    [InlineData("203.0.113.5\u00a0")]
    [InlineData("203.0.113.\u0665")]
    [InlineData("(unclosed 203.0.113.5")]
    [InlineData("203.0.113.5 (unclosed")]
    [InlineData("; helo=mail.example.org")]
    [InlineData("helo=mail.example.org; 203.0.113.5")]
    [InlineData("203.0.113.5\r\nX-Injected: 1")]
    [InlineData("203.0.113.5\0")]
    public void TryParse_RejectsGarbledValue(string? value)
    {
        Assert.False(OriginHeaderParser.TryParse(value, out OriginHeaderValue? result, out string? failureReason));
        Assert.Null(result);
        Assert.False(string.IsNullOrEmpty(failureReason));
    }

    [Fact]
    public void TryParse_RejectsOverLongGarbage()
    {
        string value = new string('1', OriginHeaderParser.MaxValueLength * 4);

        Assert.False(OriginHeaderParser.TryParse(value, out _, out string? failureReason));
        Assert.Contains("longer than", failureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ReasonExcerptIsSafe()
    {
        Assert.False(OriginHeaderParser.TryParse("bad\u00e4value" + new string('x', 500), out _, out string? reason));

        Assert.DoesNotContain("\u00e4", reason, StringComparison.Ordinal);
        Assert.True(reason!.Length < 200);
    }

    [Fact]
    public void Parse_ThrowsWithReason()
    {
        FormatException error = Assert.Throws<FormatException>(() => OriginHeaderParser.Parse("garbage"));

        Assert.Contains("'garbage'", error.Message, StringComparison.Ordinal);
    }
}
