using System.Linq;
using System.Net;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class ReceivedHeaderParserTests
{
    public static TheoryData<string> ParsedNames => new(ReceivedFixtures.Parsed.Keys.ToArray());

    public static TheoryData<string> UnparseableNames => new(ReceivedFixtures.Unparseable.Keys.ToArray());

    [Theory]
    [MemberData(nameof(ParsedNames))]
    public void Parse_ReadsFormat(string name)
    {
        ReceivedCase expected = ReceivedFixtures.Parsed[name];

        ReceivedHop hop = ReceivedHeaderParser.Parse(expected.Value);

        Assert.Equal(ReceivedParseStatus.Parsed, hop.Status);
        Assert.Null(hop.FailureReason);
        Assert.Equal(expected.IsNetworkHandover, hop.IsNetworkHandover);
        Assert.Equal(expected.Address is null ? null : IPAddress.Parse(expected.Address), hop.SendingAddress);
        Assert.Equal(expected.Helo, hop.Helo);
        Assert.Equal(expected.ReverseDnsName, hop.ReverseDnsName);
        Assert.Equal(expected.ReceivingHost, hop.ReceivingHost);
        Assert.Equal(expected.Protocol, hop.Protocol);
    }

    [Theory]
    [MemberData(nameof(UnparseableNames))]
    public void Parse_RejectsUnreadableLine(string name)
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse(ReceivedFixtures.Unparseable[name]);

        Assert.Equal(ReceivedParseStatus.Unparseable, hop.Status);
        Assert.False(string.IsNullOrEmpty(hop.FailureReason));
        Assert.False(hop.IsNetworkHandover);
        Assert.Null(hop.SendingAddress);
    }

    [Fact]
    public void Parse_UnfoldsValue()
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse(ReceivedFixtures.Parsed["Exchange folded"].Value);

        Assert.DoesNotContain("\r\n", hop.Value, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeloOnlyReasonNamesHelo()
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse("from 198.51.100.20 by mx.example.net with ESMTP id X");

        Assert.Contains("HELO argument '198.51.100.20'", hop.FailureReason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoAddressesReasonSaysSo()
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse(ReceivedFixtures.Unparseable["two addresses"]);

        Assert.Contains("more than one", hop.FailureReason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LocalLineIgnoresBadAddress()
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse(
            "from alice (rdns [garbage]) by mx.example.net with local (Exim 4.96) id X");

        Assert.Equal(ReceivedParseStatus.Parsed, hop.Status);
        Assert.False(hop.IsNetworkHandover);
        Assert.Null(hop.SendingAddress);
    }

    [Fact]
    public void Parse_AcceptsValueAtLengthLimit()
    {
        string prefix = "from mail.example.org ([198.51.100.34]) by mx.example.net with ESMTP id ";
        string value = prefix + new string('x', ReceivedHeaderParser.MaxValueLength - prefix.Length);

        ReceivedHop hop = ReceivedHeaderParser.Parse(value);

        Assert.Equal(ReceivedParseStatus.Parsed, hop.Status);
        Assert.Equal(IPAddress.Parse("198.51.100.34"), hop.SendingAddress);
    }
}
