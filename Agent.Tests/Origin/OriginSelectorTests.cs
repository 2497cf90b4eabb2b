using System;
using System.Net;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class OriginSelectorTests
{
    private const string Date = "; Tue, 5 Mar 2024 10:11:12 +0000";

    private static readonly IPAddress s_appliance = IPAddress.Parse("192.0.2.10");

    private static readonly IPAddressRangeList s_trusted = IPAddressRangeList.Parse(new[] { "192.0.2.10", "192.0.2.11" });

    private static readonly string s_applianceFromSender =
        "from mail.example.org (mail.example.org [203.0.113.50]) by appliance.corp.example (Postfix) with ESMTPS id 1"
        + Date;

    private static readonly string s_applianceFromPrivate =
        "from internal.corp.example (internal.corp.example [10.20.30.40]) by appliance.corp.example (Postfix) "
        + "with ESMTP id 2" + Date;

    private static readonly string s_applianceLocal = "by appliance.corp.example (Postfix, from userid 0) id 3" + Date;

    private static OriginSelector CreateSelector(
        OriginHeaderOccurrence occurrence = OriginHeaderOccurrence.Single, params OriginSource[] sources)
    {
        return new OriginSelector(new OriginSelectorOptions
        {
            TrustedRelays = s_trusted,
            HeaderOccurrence = occurrence,
            Sources = sources.Length == 0 ? new[] { OriginSource.Header, OriginSource.ReceivedChain } : sources,
        });
    }

    private static OriginRequest FromAppliance(
        string?[]? headers = null, string?[]? received = null, IPAddress? lastExternal = null)
    {
        return new OriginRequest
        {
            PeerAddress = s_appliance,
            SessionHelo = "appliance.corp.example",
            OriginHeaderValues = headers ?? Array.Empty<string?>(),
            ReceivedValues = received ?? Array.Empty<string?>(),
            LastExternalAddress = lastExternal,
        };
    }

    [Fact]
    public void Select_UntrustedPeerIgnoresForgedHeader()
    {
        var request = new OriginRequest
        {
            PeerAddress = IPAddress.Parse("198.51.100.66"),
            SessionHelo = "forger.example",
            OriginHeaderValues = new[] { "203.0.113.99; helo=bank.example" },
            ReceivedValues = new[] { s_applianceFromSender },
        };

        OriginDecision decision = CreateSelector().Select(request);

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(OriginDecisionSource.Peer, decision.Source);
        Assert.Equal(IPAddress.Parse("198.51.100.66"), decision.Address);
        Assert.Equal("forger.example", decision.Helo);
        Assert.Empty(decision.Hops);
        Assert.Contains("not a trusted relay", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_UntrustedPrivatePeerIsSkipped()
    {
        var request = new OriginRequest { PeerAddress = IPAddress.Parse("10.1.2.3"), SessionHelo = "pc.corp.example" };

        OriginDecision decision = CreateSelector().Select(request);

        Assert.Equal(OriginStatus.Skipped, decision.Status);
        Assert.Equal(OriginDecisionSource.Peer, decision.Source);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), decision.Address);
        Assert.Contains("skip list", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_UnknownPeerIsNotFound()
    {
        OriginDecision decision = CreateSelector().Select(new OriginRequest { SessionHelo = "x.example" });

        Assert.Equal(OriginStatus.NotFound, decision.Status);
        Assert.Equal(OriginDecisionSource.None, decision.Source);
        Assert.Null(decision.Address);
    }

    [Fact]
    public void Select_MappedPeerMatchesTrustedRelay()
    {
        OriginRequest request = FromAppliance(headers: new[] { "203.0.113.5" });
        var mapped = new OriginRequest
        {
            PeerAddress = IPAddress.Parse("::ffff:192.0.2.10"),
            OriginHeaderValues = request.OriginHeaderValues,
        };

        OriginDecision decision = CreateSelector().Select(mapped);

        Assert.Equal(OriginDecisionSource.Header, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.5"), decision.Address);
    }

    [Fact]
    public void Select_TrustedPeerUsesHeader()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "203.0.113.5; helo=mail.example.org" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(OriginDecisionSource.Header, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.5"), decision.Address);
        Assert.Equal("mail.example.org", decision.Helo);
        Assert.Contains("X-Origin-IP header names 203.0.113.5", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_HeaderHeloFallsBackToChain()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "203.0.113.50" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(IPAddress.Parse("203.0.113.50"), decision.Address);
        Assert.Equal("mail.example.org", decision.Helo);
        Assert.Single(decision.Hops);
    }

    [Fact]
    public void Select_HeaderHeloUnknownWhenChainDiffers()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "203.0.113.7" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(IPAddress.Parse("203.0.113.7"), decision.Address);
        Assert.Null(decision.Helo);
    }

    [Fact]
    public void Select_HeaderBadHeloKeepsAddress()
    {
        OriginDecision decision = CreateSelector().Select(FromAppliance(headers: new[] { "203.0.113.5; helo=bad name" }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(IPAddress.Parse("203.0.113.5"), decision.Address);
        Assert.Null(decision.Helo);
        Assert.Contains("ignored", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AbsentHeaderFallsToChain()
    {
        OriginDecision decision = CreateSelector().Select(FromAppliance(received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(OriginDecisionSource.ReceivedChain, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), decision.Address);
        Assert.Equal("mail.example.org", decision.Helo);
        Assert.Contains("header is absent", decision.Reason, StringComparison.Ordinal);
        Assert.Single(decision.Hops);
    }

    [Fact]
    public void Select_TwoHeadersUnderSingleAreAmbiguous()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "203.0.113.5", "198.51.100.9" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginStatus.Ambiguous, decision.Status);
        Assert.Equal(OriginDecisionSource.Header, decision.Source);
        Assert.Null(decision.Address);
        Assert.Contains("occurs 2 times", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OriginHeaderOccurrence.First, "203.0.113.5")]
    [InlineData(OriginHeaderOccurrence.Last, "198.51.100.9")]
    public void Select_OccurrenceRulePicksCopy(OriginHeaderOccurrence occurrence, string expected)
    {
        OriginDecision decision = CreateSelector(occurrence).Select(
            FromAppliance(headers: new[] { "203.0.113.5", "garbage", "198.51.100.9" }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(IPAddress.Parse(expected), decision.Address);
    }

    [Theory]
    [InlineData(OriginHeaderOccurrence.Single)]
    [InlineData(OriginHeaderOccurrence.First)]
    [InlineData(OriginHeaderOccurrence.Last)]
    public void Select_OneHeaderWorksUnderEveryRule(OriginHeaderOccurrence occurrence)
    {
        OriginDecision decision = CreateSelector(occurrence).Select(FromAppliance(headers: new[] { "203.0.113.5" }));

        Assert.Equal(IPAddress.Parse("203.0.113.5"), decision.Address);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("203.0.113.5 198.51.100.1")]
    [InlineData("\u00e4\u00f6\u00fc")]
    public void Select_GarbledHeaderStops(string header)
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { header }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginStatus.Garbled, decision.Status);
        Assert.Equal(OriginDecisionSource.Header, decision.Source);
        Assert.Null(decision.Address);
        Assert.Contains("X-Origin-IP header is invalid", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_HeaderNamingRelayFallsThrough()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "192.0.2.11" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(OriginDecisionSource.ReceivedChain, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), decision.Address);
        Assert.Contains("a trusted relay", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_OnlyRelayAddressesGiveTrustedRelayStatus()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(headers: new[] { "::ffff:192.0.2.10" }, received: new[] { s_applianceLocal }));

        Assert.Equal(OriginStatus.TrustedRelayAsOrigin, decision.Status);
        Assert.Equal(OriginDecisionSource.None, decision.Source);
        Assert.Null(decision.Address);
    }

    [Fact]
    public void Select_NothingFoundIsNotFound()
    {
        OriginDecision decision = CreateSelector().Select(FromAppliance());

        Assert.Equal(OriginStatus.NotFound, decision.Status);
        Assert.Equal(OriginDecisionSource.None, decision.Source);
        Assert.Contains("no Received header", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_UnparseableChainIsGarbled()
    {
        OriginDecision decision = CreateSelector().Select(
            FromAppliance(received: new[] { "from mail.example.org by appliance.corp.example with ESMTP" + Date }));

        Assert.Equal(OriginStatus.Garbled, decision.Status);
        Assert.Equal(OriginDecisionSource.ReceivedChain, decision.Source);
        Assert.Single(decision.Hops);
    }

    [Fact]
    public void Select_UnparseableChainStopsSelection()
    {
        OriginDecision decision = CreateSelector(
            OriginHeaderOccurrence.Single, OriginSource.ReceivedChain, OriginSource.ExchangeLastExternal).Select(
            FromAppliance(received: new[] { "garbage" }, lastExternal: IPAddress.Parse("203.0.113.77")));

        Assert.Equal(OriginStatus.Garbled, decision.Status);
        Assert.Null(decision.Address);
    }

    [Fact]
    public void Select_PrivateOriginIsSkipped()
    {
        OriginDecision decision = CreateSelector().Select(FromAppliance(received: new[] { s_applianceFromPrivate }));

        Assert.Equal(OriginStatus.Skipped, decision.Status);
        Assert.Equal(OriginDecisionSource.ReceivedChain, decision.Source);
        Assert.Equal(IPAddress.Parse("10.20.30.40"), decision.Address);
    }

    [Fact]
    public void Select_EmptySkipListChecksPrivateOrigin()
    {
        var selector = new OriginSelector(new OriginSelectorOptions
        {
            TrustedRelays = s_trusted,
            SkipList = IPAddressRangeList.Empty,
        });

        OriginDecision decision = selector.Select(FromAppliance(headers: new[] { "10.20.30.40" }));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(IPAddress.Parse("10.20.30.40"), decision.Address);
    }

    [Fact]
    public void Select_LastExternalUsedWhenConfigured()
    {
        OriginDecision decision = CreateSelector(OriginHeaderOccurrence.Single, OriginSource.ExchangeLastExternal).Select(
            FromAppliance(
                headers: new[] { "198.51.100.9" },
                received: new[] { s_applianceFromSender },
                lastExternal: IPAddress.Parse("::ffff:203.0.113.50")));

        Assert.Equal(OriginStatus.Found, decision.Status);
        Assert.Equal(OriginDecisionSource.ExchangeLastExternal, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), decision.Address);
        Assert.Equal("mail.example.org", decision.Helo);
    }

    [Fact]
    public void Select_LastExternalAbsentIsNotFound()
    {
        OriginDecision decision = CreateSelector(OriginHeaderOccurrence.Single, OriginSource.ExchangeLastExternal)
            .Select(FromAppliance(headers: new[] { "198.51.100.9" }));

        Assert.Equal(OriginStatus.NotFound, decision.Status);
        Assert.Contains("no last external", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LastExternalRelayIsNotUsed()
    {
        OriginDecision decision = CreateSelector(OriginHeaderOccurrence.Single, OriginSource.ExchangeLastExternal)
            .Select(FromAppliance(lastExternal: IPAddress.Parse("192.0.2.11")));

        Assert.Equal(OriginStatus.TrustedRelayAsOrigin, decision.Status);
        Assert.Null(decision.Address);
    }

    [Fact]
    public void Select_SourceOrderIsHonoured()
    {
        OriginDecision decision = CreateSelector(
            OriginHeaderOccurrence.Single, OriginSource.ReceivedChain, OriginSource.Header).Select(
            FromAppliance(headers: new[] { "198.51.100.9" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginDecisionSource.ReceivedChain, decision.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.50"), decision.Address);
    }

    [Fact]
    public void Select_NoSourcesIsNotFound()
    {
        var selector = new OriginSelector(new OriginSelectorOptions
        {
            TrustedRelays = s_trusted,
            Sources = Array.Empty<OriginSource>(),
        });

        OriginDecision decision = selector.Select(FromAppliance(headers: new[] { "203.0.113.5" }));

        Assert.Equal(OriginStatus.NotFound, decision.Status);
        Assert.Contains("No origin source", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ReasonUsesConfiguredHeaderName()
    {
        var selector = new OriginSelector(new OriginSelectorOptions
        {
            TrustedRelays = s_trusted,
            HeaderName = "X-Barracuda-Origin",
        });

        OriginDecision decision = selector.Select(FromAppliance(headers: new[] { "203.0.113.5" }));

        Assert.Contains("X-Barracuda-Origin header names 203.0.113.5", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_DefaultOptionsTrustNoPeer()
    {
        OriginDecision decision = new OriginSelector(new OriginSelectorOptions()).Select(
            FromAppliance(headers: new[] { "203.0.113.5" }));

        Assert.Equal(OriginDecisionSource.Peer, decision.Source);
        Assert.Equal(s_appliance, decision.Address);
    }

    [Fact]
    public void Select_IgnoresLaterChangeToSources()
    {
        var sources = new[] { OriginSource.Header };
        var selector = new OriginSelector(new OriginSelectorOptions { TrustedRelays = s_trusted, Sources = sources });
        sources[0] = OriginSource.ReceivedChain;

        OriginDecision decision = selector.Select(
            FromAppliance(headers: new[] { "198.51.100.9" }, received: new[] { s_applianceFromSender }));

        Assert.Equal(OriginDecisionSource.Header, decision.Source);
    }

    [Fact]
    public void Constructor_RejectsDuplicateSource()
    {
        var options = new OriginSelectorOptions { Sources = new[] { OriginSource.Header, OriginSource.Header } };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new OriginSelector(options));

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsUndefinedValues()
    {
        Assert.Throws<ArgumentException>(
            () => new OriginSelector(new OriginSelectorOptions { Sources = new[] { (OriginSource)42 } }));
        Assert.Throws<ArgumentException>(
            () => new OriginSelector(new OriginSelectorOptions { HeaderOccurrence = (OriginHeaderOccurrence)42 }));
        Assert.Throws<ArgumentException>(() => new OriginSelector(new OriginSelectorOptions { TrustedRelays = null! }));
    }

    [Fact]
    public void Constructor_RejectsNullOptions()
    {
        Assert.Throws<ArgumentNullException>(() => new OriginSelector(null!));
        Assert.Throws<ArgumentNullException>(() => CreateSelector().Select(null!));
    }
}
