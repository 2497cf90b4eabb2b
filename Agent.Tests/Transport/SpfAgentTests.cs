using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Harness;
using ExchangeSpfAgent.Tests.Spf;
using ExchangeSpfAgent.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;
using Xunit;

namespace ExchangeSpfAgent.Tests.Transport;

/// <summary>The agent end to end through the harness: origin, verdict, reply, headers and safety.</summary>
public sealed class SpfAgentTests
{
    private const string Forged = "192.0.2.99";
    private const string Permitted = "203.0.113.5";

    private static string Headers(string originHeaders) =>
        originHeaders
        + "Received: from mx.sender.example (mx.sender.example [203.0.113.5]) by appliance.example.org with ESMTP id 1; Fri, 4 Dec 2026 10:00:00 +0000\r\n"
        + "Message-ID: <m1@sender.example>\r\nFrom: a@fail.example\r\nSubject: hello\r\n";

    private static DecisionRecord Single(AgentTestBed bed)
    {
        DecisionRecord record = Assert.Single(bed.Records);
        return record;
    }

    [Fact]
    public void FailRejectsWithExplanation()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal(MessageActionKind.Reject, action.Kind);
        Assert.Equal("550", action.Response.StatusCode);
        Assert.Equal("5.7.23", action.Response.EnhancedStatusCode);
        Assert.Equal($"{Forged} is not one of fail.example's designated mail servers.", Assert.Single(action.Response.StatusText));
        Assert.Contains("SPF fail", action.Context, StringComparison.Ordinal);
        Assert.Equal(1, ev.AsyncContext!.CompleteCount);
        Assert.True(ev.AsyncContext.ResumeCount >= 1);
        Assert.Equal("fail", Single(bed).Result);
        Assert.Equal("Header", Single(bed).OriginSource);
    }

    [Fact]
    public void PassIsStampedWithHeaders()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Permitted}\r\n"), new FakeMailItem("user@pass.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        string receivedSpf = ev.Headers.FindFirst("Received-SPF").Value;
        Assert.StartsWith("pass (", receivedSpf, StringComparison.Ordinal);
        Assert.Contains("client-ip=203.0.113.5;", receivedSpf, StringComparison.Ordinal);
        Assert.Contains("identity=mailfrom", receivedSpf, StringComparison.Ordinal);
        Assert.Equal("Received-SPF", ev.Headers.FirstChild is Microsoft.Exchange.Data.Mime.Header h ? h.Name : null);
        string results = ev.Headers.FindFirst("Authentication-Results").Value;
        Assert.StartsWith("EX01; ", results, StringComparison.Ordinal);
        Assert.Contains("spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=user@pass.example", results, StringComparison.Ordinal);
        Assert.Contains("spf=none (sender IP is 203.0.113.5) smtp.helo=mx.sender.example", results, StringComparison.Ordinal);
        Assert.Equal("pass", ev.MailItem.Properties["ExchangeSpfAgent.SpfResult"]);
    }

    [Fact]
    public void ForgedHeaderFromUntrustedPeerIsIgnored()
    {
        var bed = new AgentTestBed();
        FakeSmtpSession session = new FakeSmtpSession().WithRemote(Forged).WithHelo("mx.sender.example");

        EndOfHeadersEvent ev = bed.Run(session, Headers($"X-Origin-IP: {Permitted}\r\n"), new FakeMailItem("user@pass.example"));

        ev.Violations.AssertNone();
        Assert.Equal(Forged, Single(bed).OriginIp);
        Assert.Equal("Peer", Single(bed).OriginSource);
        Assert.Equal(MessageActionKind.Reject, Assert.Single(ev.Source.Actions).Kind);
    }

    [Fact]
    public void TwoOriginHeadersAreAmbiguous()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(
            AgentTestBed.FromAppliance(),
            Headers($"X-Origin-IP: {Forged}\r\nX-Origin-IP: {Permitted}\r\n"),
            new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Equal(string.Empty, Single(bed).OriginIp);
        Assert.StartsWith("none ", ev.Headers.FindFirst("Received-SPF").Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OriginHeaderOccurrence.First, Forged, true)]
    [InlineData(OriginHeaderOccurrence.Last, Permitted, false)]
    public void OccurrenceRulePicksCopy(OriginHeaderOccurrence rule, string expected, bool rejected)
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = new OriginSelectorOptions { TrustedRelays = bed.Settings.Origin.TrustedRelays, HeaderOccurrence = rule },
        };

        EndOfHeadersEvent ev = bed.Run(
            AgentTestBed.FromAppliance(),
            Headers($"X-Origin-IP: {Forged}\r\nX-Origin-IP: {Permitted}\r\n"),
            new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(expected, Single(bed).OriginIp);
        Assert.Equal(rejected, ev.Source.Actions.Count == 1);
    }

    [Theory]
    [InlineData("::ffff:192.0.2.99", Forged, true)]
    [InlineData("[2001:db8::5]", "2001:db8::5", true)]
    [InlineData("IPv6:2001:db8::5", "2001:db8::5", true)]
    [InlineData("192.0.2.99; helo=mx.fail.example", Forged, true)]
    [InlineData("garbage", "", false)]
    [InlineData("", "", false)]
    [InlineData("192.0.2.99\u00e9", "", false)]
    public void OriginHeaderForms(string value, string expectedOrigin, bool rejected)
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {value}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(expectedOrigin, Single(bed).OriginIp);
        Assert.Equal(rejected, ev.Source.Actions.Count == 1);
    }

    [Fact]
    public void MissingOriginLeavesSourceEmpty()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = new OriginSelectorOptions { TrustedRelays = bed.Settings.Origin.TrustedRelays, Sources = new[] { OriginSource.Header } },
        };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers("Subject: hello\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Equal(string.Empty, Single(bed).OriginIp);
        Assert.Equal(string.Empty, Single(bed).OriginSource);
    }

    [Fact]
    public void GarbledOriginNamesItsSource()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers("X-Origin-IP: garbage\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(string.Empty, Single(bed).OriginIp);
        Assert.Equal("Header", Single(bed).OriginSource);
    }

    [Fact]
    public void OverlongOriginHeaderTakesNoAction()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {new string('1', 5000)}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Equal(string.Empty, Single(bed).OriginIp);
    }

    [Fact]
    public void ReceivedChainSkipsThreeTrustedRelays()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = new OriginSelectorOptions { TrustedRelays = bed.Settings.Origin.TrustedRelays, Sources = new[] { OriginSource.ReceivedChain } },
        };
        string headers =
            "Received: from relay2.example.org (relay2.example.org [198.51.100.12]) by ex01.example.org with ESMTP id 4; Fri, 4 Dec 2026 10:00:03 +0000\r\n"
            + "Received: from relay1.example.org (relay1.example.org [198.51.100.11]) by relay2.example.org with ESMTP id 3; Fri, 4 Dec 2026 10:00:02 +0000\r\n"
            + "Received: from appliance.example.org (appliance.example.org [198.51.100.10]) by relay1.example.org with ESMTP id 2; Fri, 4 Dec 2026 10:00:01 +0000\r\n"
            + "Received: from mx.fail.example (mx.fail.example [192.0.2.99]) by appliance.example.org with ESMTP id 1; Fri, 4 Dec 2026 10:00:00 +0000\r\n"
            + "Subject: chain\r\n";

        EndOfHeadersEvent ev = bed.Run(new FakeSmtpSession().WithRemote("198.51.100.12"), headers, new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(Forged, Single(bed).OriginIp);
        Assert.Equal("ReceivedChain", Single(bed).OriginSource);
        Assert.Equal(MessageActionKind.Reject, Assert.Single(ev.Source.Actions).Kind);
    }

    [Theory]
    [InlineData(SpfAction.Reject, "550", "5.7.24")]
    [InlineData(SpfAction.Defer, "451", "4.7.24")]
    public void PermErrorReplies(SpfAction configured, string code, string enhanced)
    {
        var bed = new AgentTestBed();
        bed.Settings = WithMailFromActions(bed, new ResultActions { PermError = configured });

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@perm.example"));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal(code, action.Response.StatusCode);
        Assert.Equal(enhanced, action.Response.EnhancedStatusCode);
    }

    [Theory]
    [InlineData(SpfAction.Reject)]
    [InlineData(SpfAction.Defer)]
    public void TempErrorRepliesTransient(SpfAction configured)
    {
        var bed = new AgentTestBed();
        bed.Settings = WithMailFromActions(bed, new ResultActions { TempError = configured });

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@temp.example"));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal("451", action.Response.StatusCode);
        Assert.Equal("4.7.24", action.Response.EnhancedStatusCode);
    }

    [Theory]
    [InlineData("user@perm.example")]
    [InlineData("user@temp.example")]
    [InlineData("user@soft.example")]
    public void DefaultSettingsOnlyStampErrors(string sender)
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem(sender));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.NotNull(ev.Headers.FindFirst("Received-SPF"));
    }

    [Fact]
    public void LogOnlyNeverRejects()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings { Mode = AgentMode.LogOnly, Origin = bed.Settings.Origin };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Equal("Reject", Single(bed).Action);
        Assert.Contains("would Reject", Single(bed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscardRepliesSuccess()
    {
        var bed = new AgentTestBed();
        bed.Settings = WithMailFromActions(bed, new ResultActions { Fail = SpfAction.Discard });

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal(MessageActionKind.Discard, action.Kind);
        Assert.Equal(SmtpResponseType.Success, action.Response.SmtpResponseType);
        Assert.Equal("2.6.0", action.Response.EnhancedStatusCode);
        Assert.StartsWith("250 2.6.0", Single(bed).SmtpResponse, StringComparison.Ordinal);
        Assert.Equal("Discard", Single(bed).Action);
    }

    [Fact]
    public void QuarantineGetsRecipients()
    {
        var bed = new AgentTestBed();
        bed.Settings = WithMailFromActions(bed, new ResultActions { Fail = SpfAction.Quarantine });

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example", "a@contoso.example", "b@contoso.example"));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal(MessageActionKind.Quarantine, action.Kind);
        Assert.Equal(new[] { "a@contoso.example", "b@contoso.example" }, action.Recipients);
    }

    [Fact]
    public void BypassedRecipientKeepsMessage()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings { Origin = bed.Settings.Origin, Bypass = new BypassSettings { Recipients = new[] { "postmaster@contoso.example" } } };
        var mailItem = new FakeMailItem("user@fail.example", "a@contoso.example", "postmaster@contoso.example", "b@contoso.example");

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), mailItem);

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Equal(new[] { "a@contoso.example", "b@contoso.example" }, mailItem.FakeRecipients.Removed);
        Assert.Equal(1, mailItem.FakeRecipients.Count);
    }

    [Fact]
    public void BypassedRecipientBlocksDefer()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = bed.Settings.Origin,
            Bypass = new BypassSettings { Recipients = new[] { "postmaster@contoso.example" } },
            Actions = new ActionSettings { MailFrom = new ResultActions { TempError = SpfAction.Defer } },
        };
        var mailItem = new FakeMailItem("user@temp.example", "a@contoso.example", "postmaster@contoso.example");

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), mailItem);

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Empty(mailItem.FakeRecipients.Removed);
        Assert.Equal(2, mailItem.FakeRecipients.Count);
    }

    [Fact]
    public void BypassedRecipientSplitsQuarantine()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = bed.Settings.Origin,
            Bypass = new BypassSettings { Recipients = new[] { "postmaster@contoso.example" } },
            Actions = new ActionSettings { MailFrom = new ResultActions { Fail = SpfAction.Quarantine } },
        };
        var mailItem = new FakeMailItem("user@fail.example", "a@contoso.example", "postmaster@contoso.example");

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), mailItem);

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal(MessageActionKind.Quarantine, action.Kind);
        Assert.Equal(new[] { "a@contoso.example" }, action.Recipients);
        Assert.Empty(mailItem.FakeRecipients.Removed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(5000)]
    public void ReplyTextStaysWithinLineLimit(int configuredLimit)
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = bed.Settings.Origin,
            Responses = new ResponseSettings { UseExplanation = false, FailText = new string('x', 2000), MaxTextLength = configuredLimit },
        };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        string text = Assert.Single(Assert.Single(ev.Source.Actions).Response.StatusText);
        Assert.Equal(400, text.Length);
    }

    [Fact]
    public void BypassedOriginIsNotRejected()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings { Origin = bed.Settings.Origin, Bypass = new BypassSettings { Origins = IPAddressRangeList.Parse(new[] { "192.0.2.0/24" }) } };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Contains("bypass", Single(bed).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Stamp", Single(bed).Action);
    }

    [Fact]
    public void NullSenderHeloFailRejects()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}; helo=helo-fail.example\r\n"), new FakeMailItem(string.Empty));

        ev.Violations.AssertNone();
        MessageAction action = Assert.Single(ev.Source.Actions);
        Assert.Equal("550", action.Response.StatusCode);
        Assert.Equal("helo", Single(bed).Identity);
        Assert.Equal("<>", Single(bed).MailFrom);
    }

    [Fact]
    public void HeloFailWithSenderOnlyStamps()
    {
        var bed = new AgentTestBed();

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Permitted}; helo=helo-fail.example\r\n"), new FakeMailItem("user@pass.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Contains("smtp.helo=helo-fail.example", ev.Headers.FindFirst("Authentication-Results").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void DnsBeyondBudgetIsTempError()
    {
        var bed = new AgentTestBed
        {
            WrapResolver = inner => new DelayingDnsResolver(inner, TimeSpan.FromSeconds(20)),
        };
        bed.Settings = new AgentSettings
        {
            Origin = bed.Settings.Origin,
            Evaluation = new EvaluationSettings { TimeBudget = TimeSpan.FromMilliseconds(300) },
            Actions = new ActionSettings { MailFrom = new ResultActions { Fail = SpfAction.Reject, TempError = SpfAction.Defer } },
        };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(1, ev.AsyncContext!.CompleteCount);
        Assert.Equal("temperror", Single(bed).Result);
        Assert.Equal("451", Assert.Single(ev.Source.Actions).Response.StatusCode);
    }

    [Fact]
    public void ResolverExceptionAcceptsAndLogs()
    {
        var bed = new AgentTestBed { WrapResolver = _ => new ThrowingResolver() };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Equal(1, ev.AsyncContext!.CompleteCount);
        Assert.Empty(ev.Source.Actions);
        Assert.NotEmpty(bed.Errors);
    }

    [Fact]
    public void SpoofedAuthenticationResultsRemoved()
    {
        var bed = new AgentTestBed();
        string headers = "Authentication-Results: EX01; spf=pass smtp.mailfrom=user@fail.example\r\n"
            + "Authentication-Results: \"EX\\01\"; spf=pass smtp.mailfrom=user@fail.example\r\n"
            + "Authentication-Results: (forged) ex01; spf=pass\r\n"
            + "Authentication-Results: other.example; spf=pass smtp.mailfrom=user@fail.example\r\n"
            + Headers($"X-Origin-IP: {Permitted}\r\n");

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), headers, new FakeMailItem("user@pass.example"));

        ev.Violations.AssertNone();
        string[] values = ev.Headers.FindAll("Authentication-Results").Select(h => h.Value).ToArray();
        Assert.Equal(2, values.Length);
        Assert.StartsWith("EX01; ", values[0], StringComparison.Ordinal);
        Assert.Contains("spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=user@pass.example", values[0], StringComparison.Ordinal);
        Assert.Equal("other.example; spf=pass smtp.mailfrom=user@fail.example", values[1]);
    }

    [Fact]
    public void OrganizationSessionIsSkipped()
    {
        var bed = new AgentTestBed();
        FakeSmtpSession session = AgentTestBed.FromAppliance().WithAuthentication(AuthenticationSource.Organization);

        EndOfHeadersEvent ev = bed.Run(session, Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Null(ev.Headers.FindFirst("Received-SPF"));
        Assert.Contains("organization", Single(bed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorOutOfScopeIsSkipped()
    {
        var bed = new AgentTestBed();
        bed.Settings = new AgentSettings
        {
            Origin = bed.Settings.Origin,
            Scope = new ScopeSettings { ConnectorBindings = new[] { ConnectorBinding.Parse("0.0.0.0:2525") } },
        };

        EndOfHeadersEvent ev = bed.Run(AgentTestBed.FromAppliance(), Headers($"X-Origin-IP: {Forged}\r\n"), new FakeMailItem("user@fail.example"));

        ev.Violations.AssertNone();
        Assert.Empty(ev.Source.Actions);
        Assert.Contains("connector", Single(bed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FactoryCreatesFreshAgentPerSession()
    {
        var factory = new SpfAgentFactory();

        SmtpReceiveAgent first = factory.CreateAgent(new FakeSmtpServer());
        SmtpReceiveAgent second = factory.CreateAgent(new FakeSmtpServer());

        Assert.NotSame(first, second);
        Assert.True(first.TestHasEndOfHeadersHandler);
    }

    private static AgentSettings WithMailFromActions(AgentTestBed bed, ResultActions actions) =>
        new() { Origin = bed.Settings.Origin, Actions = new ActionSettings { MailFrom = actions } };

    private sealed class ThrowingResolver : IDnsResolver
    {
        public Task<DnsLookupResult> ResolveAsync(string name, DnsQueryType type, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("resolver failure for the test");
    }
}
