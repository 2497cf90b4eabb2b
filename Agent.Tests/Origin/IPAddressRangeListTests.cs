using System;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class IPAddressRangeListTests
{
    private static readonly IPAddressRangeList s_mixed = IPAddressRangeList.Parse(new[]
    {
        "192.0.2.10",
        "198.51.100.0/24",
        "203.0.113.128/25",
        "2001:db8:1::/48",
        "2001:db8:2::/100",
        "2001:db8:3::7",
        "8000::/1",
    });

    [Theory]
    [InlineData("192.0.2.10", true)]
    [InlineData("192.0.2.11", false)]
    [InlineData("198.51.100.200", true)]
    [InlineData("198.51.101.1", false)]
    [InlineData("203.0.113.128", true)]
    [InlineData("203.0.113.127", false)]
    [InlineData("::ffff:198.51.100.1", true)]
    [InlineData("2001:db8:1:ffff::1", true)]
    [InlineData("2001:db8:2::fff:ffff", true)]
    [InlineData("2001:db8:2::1000:0", false)]
    [InlineData("2001:db8:3::7", true)]
    [InlineData("2001:db8:3::8", false)]
    [InlineData("8000::1", true)]
    [InlineData("2001:db8:4::1", false)]
    public void Contains_MatchesAnyRange(string address, bool expected)
    {
        Assert.Equal(expected, s_mixed.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_AgreesWithRangesOnManyAddresses()
    {
        var random = new Random(7208);
        var bytes4 = new byte[4];
        var bytes16 = new byte[16];
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            random.NextBytes(bytes4);
            random.NextBytes(bytes16);
            bytes4[0] = (byte)(iteration % 2 == 0 ? 198 : bytes4[0]);
            bytes16[0] = 0x20;
            bytes16[1] = 0x01;
            foreach (var address in new[] { new IPAddress(bytes4), new IPAddress(bytes16) })
            {
                bool expected = s_mixed.Ranges.Any(range => range.Contains(address));
                Assert.Equal(expected, s_mixed.Contains(address));
            }
        }
    }

    [Fact]
    public void Empty_ContainsNothing()
    {
        Assert.Equal(0, IPAddressRangeList.Empty.Count);
        Assert.False(IPAddressRangeList.Empty.Contains(IPAddress.Parse("192.0.2.1")));
        Assert.False(IPAddressRangeList.Empty.Contains(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void Constructor_KeepsDuplicatesOnce()
    {
        IPAddressRangeList list = IPAddressRangeList.Parse(new[] { "192.0.2.0/24", "::ffff:192.0.2.0/120", "192.0.2.0/24" });

        Assert.Equal(1, list.Count);
        Assert.Equal("192.0.2.0/24", list.ToString());
    }

    [Fact]
    public void Constructor_RejectsNullEntry()
    {
        Assert.Throws<ArgumentNullException>(() => new IPAddressRangeList(new IPAddressRange[] { null! }));
    }

    [Fact]
    public void Parse_NamesInvalidEntry()
    {
        FormatException error = Assert.Throws<FormatException>(
            () => IPAddressRangeList.Parse(new[] { "192.0.2.0/24", "192.0.2.300" }));

        Assert.Contains("'192.0.2.300'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_ZeroPrefixMatchesFamily()
    {
        IPAddressRangeList list = IPAddressRangeList.Parse(new[] { "0.0.0.0/0" });

        Assert.True(list.Contains(IPAddress.Parse("203.0.113.1")));
        Assert.False(list.Contains(IPAddress.Parse("2001:db8::1")));
    }
}
