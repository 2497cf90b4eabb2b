using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class ReceivedChainWalkerTests
{
    private const string Date = "; Tue, 5 Mar 2024 10:11:12 +0000";

    private static readonly IPAddressRangeList s_trusted =
        IPAddressRangeList.Parse(new[] { "192.0.2.10", "192.0.2.11", "192.0.2.12", "2001:db8:ffff::/48" });

    private static readonly string s_exchangeFromRelay3 =
        "from relay3.corp.example (192.0.2.12) by ex01.corp.example (192.0.2.20) with Microsoft SMTP Server "
        + "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1258.12" + Date;

    private static readonly string s_relay3FromRelay2 =
        "from relay2.corp.example (relay2.corp.example [192.0.2.11]) by relay3.corp.example (Postfix) with ESMTP "
        + "id 4T9xYz1Lq2z9sKf" + Date;

    private static readonly string s_relay2FromRelay1 =
        "from relay1.corp.example ([192.0.2.10] helo=relay1) by relay2.corp.example with esmtp (Exim 4.96) "
        + "id 1rhABC-000123-4x" + Date;

    private static readonly string s_relay1FromSender =
        "from mail.example.org (mail.example.org [203.0.113.50]) by relay1.corp.example (Postfix) with ESMTPS "
        + "id 4T9xYz1Lq2z9sKg" + Date;

    private static readonly string s_forgedBySender =
        "from forged.example (forged.example [198.51.100.66]) by mail.example.org (Postfix) with ESMTP id 1" + Date;

    [Fact]
    public void Walk_ThreeTrustedRelaysGiveFourthHop()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { s_exchangeFromRelay3, s_relay3FromRelay2, s_relay2FromRelay1, s_relay1FromSender, s_forgedBySender },
            s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(4, result.Origin!.Position);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), result.Origin.Hop.SendingAddress);
        Assert.Equal("mail.example.org", result.Origin.Hop.Helo);
        Assert.Equal(new[] { true, true, true, false }, result.Hops.Select(hop => hop.IsTrusted).ToArray());
        Assert.Equal(new[] { 1, 2, 3, 4 }, result.Hops.Select(hop => hop.Position).ToArray());
        Assert.Contains("Received header 4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_NoHeaders()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(Array.Empty<string>(), s_trusted);

        Assert.Equal(ReceivedChainStatus.NoReceivedHeaders, result.Status);
        Assert.Null(result.Origin);
        Assert.Empty(result.Hops);
    }

    [Fact]
    public void Walk_EveryHopTrusted()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { s_exchangeFromRelay3, s_relay3FromRelay2, s_relay2FromRelay1 }, s_trusted);

        Assert.Equal(ReceivedChainStatus.NoUntrustedHop, result.Status);
        Assert.Null(result.Origin);
        Assert.Equal(3, result.Hops.Count);
    }

    [Fact]
    public void Walk_OnlyLocalLines()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { "(qmail 12345 invoked by uid 89)" + Date, "by mx.example.net (Postfix, from userid 1000) id 1" + Date },
            s_trusted);

        Assert.Equal(ReceivedChainStatus.NoUntrustedHop, result.Status);
        Assert.All(result.Hops, hop => Assert.False(hop.Hop.IsNetworkHandover));
    }

    [Fact]
    public void Walk_UnparseableLineEndsWalk()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { s_exchangeFromRelay3, "from relay2.corp.example by relay3.corp.example with ESMTP" + Date, s_relay1FromSender },
            s_trusted);

        Assert.Equal(ReceivedChainStatus.Unparseable, result.Status);
        Assert.Null(result.Origin);
        Assert.Equal(2, result.Hops.Count);
        Assert.Contains("Received header 2 cannot be parsed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_NullValueIsUnparseable()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(new string?[] { null, s_relay1FromSender }, s_trusted);

        Assert.Equal(ReceivedChainStatus.Unparseable, result.Status);
    }

    [Fact]
    public void Walk_IgnoresUnparseableBelowOrigin()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { s_exchangeFromRelay3, s_relay1FromSender, "garbage", "from x (" + Date },
            s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), result.Origin!.Hop.SendingAddress);
    }

    [Fact]
    public void Walk_PassesOverLinesWithoutHandover()
    {
        string[] values =
        {
            s_exchangeFromRelay3,
            "(qmail 12346 invoked from network)" + Date,
            "by relay3.corp.example (Postfix, from userid 1000) id 4T9xYz1Lq2z9sKh" + Date,
            "from relay3.corp.example ([fe80::1]) by relay3.corp.example ([fe80::1%12]) with mapi id 15.1.2507.39" + Date,
            "from pop.example.org [198.51.100.90] by relay3.corp.example with POP3 (fetchmail-6.4.37) for <a@b>" + Date,
            s_relay1FromSender,
        };

        ReceivedChainResult result = ReceivedChainWalker.Walk(values, s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(6, result.Origin!.Position);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), result.Origin.Hop.SendingAddress);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Walk_PassesOverLoopback(string loopback)
    {
        string reinjection = $"from localhost (localhost [{loopback}]) by relay1.corp.example (Postfix) with ESMTP id 1" + Date;

        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { s_exchangeFromRelay3, reinjection, s_relay1FromSender }, s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(3, result.Origin!.Position);
        Assert.True(result.Hops[1].IsTrusted);
    }

    [Fact]
    public void Walk_MatchesTrustedIPv6AndMapped()
    {
        string fromIPv6Relay =
            "from relay6.corp.example (relay6.corp.example [IPv6:2001:db8:ffff::25]) by ex01 (Postfix) with ESMTP id 1" + Date;
        string fromMappedRelay = "from relay3 (::ffff:192.0.2.12) by ex01 (192.0.2.20) with Microsoft SMTP Server id 15" + Date;

        ReceivedChainResult result = ReceivedChainWalker.Walk(
            new[] { fromIPv6Relay, fromMappedRelay, s_relay1FromSender }, s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(3, result.Origin!.Position);
    }

    [Fact]
    public void Walk_FirstHopUntrusted()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(new[] { s_relay1FromSender, s_relay3FromRelay2 }, s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(1, result.Origin!.Position);
        Assert.Single(result.Hops);
    }

    [Fact]
    public void Walk_OriginAtLimitIsFound()
    {
        List<string> values = Enumerable.Repeat(s_relay3FromRelay2, ReceivedChainWalker.MaxHeaders - 1).ToList();
        values.Add(s_relay1FromSender);

        ReceivedChainResult result = ReceivedChainWalker.Walk(values, s_trusted);

        Assert.Equal(ReceivedChainStatus.Found, result.Status);
        Assert.Equal(ReceivedChainWalker.MaxHeaders, result.Origin!.Position);
    }

    [Fact]
    public void Walk_OriginPastLimitIsNotFound()
    {
        List<string> values = Enumerable.Repeat(s_relay3FromRelay2, ReceivedChainWalker.MaxHeaders).ToList();
        values.Add(s_relay1FromSender);

        ReceivedChainResult result = ReceivedChainWalker.Walk(values, s_trusted);

        Assert.Equal(ReceivedChainStatus.TooManyHeaders, result.Status);
        Assert.Null(result.Origin);
        Assert.Equal(ReceivedChainWalker.MaxHeaders, result.Hops.Count);
    }

    [Fact]
    public void Walk_AllTrustedAtLimit()
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(
            Enumerable.Repeat(s_relay3FromRelay2, ReceivedChainWalker.MaxHeaders).ToArray(), s_trusted);

        Assert.Equal(ReceivedChainStatus.NoUntrustedHop, result.Status);
    }

    [Fact]
    public void Walk_RejectsNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() => ReceivedChainWalker.Walk(null!, s_trusted));
        Assert.Throws<ArgumentNullException>(() => ReceivedChainWalker.Walk(Array.Empty<string>(), null!));
    }
}
