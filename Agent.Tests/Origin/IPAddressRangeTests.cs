using System;
using System.Net;
using System.Net.Sockets;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class IPAddressRangeTests
{
    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0/24")]
    [InlineData("192.0.2.1", "192.0.2.1/32")]
    [InlineData("192.0.2.1/32", "192.0.2.1/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData(" 10.0.0.0/8 ", "10.0.0.0/8")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("2001:DB8:0:0::/64", "2001:db8::/64")]
    [InlineData("::1", "::1/128")]
    [InlineData("::/0", "::/0")]
    [InlineData("::ffff:192.0.2.0/120", "192.0.2.0/24")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7/32")]
    public void Parse_ReturnsCanonicalRange(string text, string expected)
    {
        Assert.Equal(expected, IPAddressRange.Parse(text).ToString());
    }

    [Theory]
    [InlineData("192.0.2.0/24", AddressFamily.InterNetwork, 24)]
    [InlineData("2001:db8::/48", AddressFamily.InterNetworkV6, 48)]
    [InlineData("::ffff:192.0.2.0/120", AddressFamily.InterNetwork, 24)]
    public void Parse_SetsFamilyAndPrefix(string text, AddressFamily family, int prefixLength)
    {
        IPAddressRange range = IPAddressRange.Parse(text);

        Assert.Equal(family, range.AddressFamily);
        Assert.Equal(prefixLength, range.PrefixLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("192.0.2.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("192.0.2.0/")]
    [InlineData("192.0.2.0/-1")]
    [InlineData("192.0.2.0/08")]
    [InlineData("192.0.2.0/2a")]
    [InlineData("192.0.2.0/24/24")]
    [InlineData("192.0.2.0 /24")]
    [InlineData("[192.0.2.1]")]
    [InlineData("fe80::1%1")]
    [InlineData("IPv6:2001:db8::1")]
    [InlineData("192.0.2")]
    [InlineData("192.0.2.1/24")]
    [InlineData("2001:db8::1/64")]
    public void TryParse_RejectsInvalidRange(string? text)
    {
        Assert.False(IPAddressRange.TryParse(text, out IPAddressRange? range, out string? error));
        Assert.Null(range);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_HostBitsMessageSuggestsNetwork()
    {
        FormatException error = Assert.Throws<FormatException>(() => IPAddressRange.Parse("192.0.2.1/24"));

        Assert.Contains("'192.0.2.1/24'", error.Message, StringComparison.Ordinal);
        Assert.Contains("192.0.2.0/24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MappedHostBitsNameWrittenPrefix()
    {
        FormatException error = Assert.Throws<FormatException>(() => IPAddressRange.Parse("::ffff:192.0.2.1/120"));

        Assert.Contains("after the /120 prefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("192.0.2.0/24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessageHidesControlCharacters()
    {
        FormatException error = Assert.Throws<FormatException>(() => IPAddressRange.Parse("192.0.2.1\n/24" + new string('9', 100)));

        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("'192.0.2.1?/24", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('9', 61), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidMessageNamesValue()
    {
        FormatException error = Assert.Throws<FormatException>(() => IPAddressRange.Parse("relay.example.net"));

        Assert.Contains("'relay.example.net'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PrefixMessageNamesLimit()
    {
        FormatException error = Assert.Throws<FormatException>(() => IPAddressRange.Parse("2001:db8::/200"));

        Assert.Contains("0 to 128", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0", true)]
    [InlineData("192.0.2.0/24", "192.0.2.255", true)]
    [InlineData("192.0.2.0/24", "192.0.3.0", false)]
    [InlineData("192.0.2.0/24", "192.0.1.255", false)]
    [InlineData("192.0.2.0/25", "192.0.2.127", true)]
    [InlineData("192.0.2.0/25", "192.0.2.128", false)]
    [InlineData("192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("::/0", "203.0.113.9", false)]
    [InlineData("::/0", "::ffff:203.0.113.9", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::/33", "2001:db8:7fff::1", true)]
    [InlineData("2001:db8::/33", "2001:db8:8000::", false)]
    [InlineData("192.0.2.0/24", "::ffff:192.0.2.9", true)]
    [InlineData("::ffff:192.0.2.0/120", "192.0.2.9", true)]
    [InlineData("::ffff:192.0.2.0/120", "::ffff:192.0.3.9", false)]
    [InlineData("10.0.0.0/8", "2001:db8::a00:1", false)]
    public void Contains_MatchesPrefix(string range, string address, bool expected)
    {
        Assert.Equal(expected, IPAddressRange.Parse(range).Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_IgnoresScopeId()
    {
        var scoped = new IPAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), 3);

        Assert.True(IPAddressRange.Parse("fe80::/10").Contains(scoped));
    }

    [Fact]
    public void Equals_TreatsMappedRangeAsIPv4()
    {
        IPAddressRange ipv4 = IPAddressRange.Parse("192.0.2.0/24");
        IPAddressRange mapped = IPAddressRange.Parse("::ffff:192.0.2.0/120");

        Assert.Equal(ipv4, mapped);
        Assert.Equal(ipv4.GetHashCode(), mapped.GetHashCode());
        Assert.NotEqual(ipv4, IPAddressRange.Parse("192.0.2.0/25"));
    }

    [Fact]
    public void FromAddress_CoversOneHost()
    {
        IPAddressRange range = IPAddressRange.FromAddress(IPAddress.Parse("::ffff:198.51.100.4"));

        Assert.Equal("198.51.100.4/32", range.ToString());
        Assert.True(range.Contains(IPAddress.Parse("198.51.100.4")));
        Assert.False(range.Contains(IPAddress.Parse("198.51.100.5")));
    }
}
