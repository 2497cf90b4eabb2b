using System.Net;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class DefaultSkipListTests
{
    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.254", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("169.254.10.20", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("febf::1", true)]
    [InlineData("fec0::1", false)]
    [InlineData("fc00::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("192.0.2.1", false)]
    [InlineData("198.51.100.1", false)]
    [InlineData("203.0.113.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Ranges_CoverNonPublicAddresses(string address, bool expected)
    {
        Assert.Equal(expected, DefaultSkipList.Ranges.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Entries_AllParse()
    {
        Assert.Equal(DefaultSkipList.Entries.Count, DefaultSkipList.Ranges.Count);
    }
}
