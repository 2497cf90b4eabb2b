using System;
using System.IO;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Configuration;

public sealed class AgentConfigurationLoaderTests
{
    [Fact]
    public void MissingFileGivesDefaults()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "ExchangeSpfAgent.config.xml");

        AgentSettings settings = AgentConfigurationLoader.Load(path);

        Assert.Same(AgentSettings.Default, settings);
    }

    [Fact]
    public void EmptyRootGivesDefaults()
    {
        AgentSettings settings = AgentConfigurationLoader.Parse("<ExchangeSpfAgent/>");

        SettingsAssert.Equivalent(AgentSettings.Default, settings);
    }

    [Fact]
    public void DefaultPathIsBesideAgentAssembly()
    {
        string expected = Path.Combine(
            Path.GetDirectoryName(typeof(AgentConfigurationLoader).Assembly.Location)!,
            AgentConfigurationLoader.FileName);

        Assert.Equal(expected, AgentConfigurationLoader.DefaultPath);
    }

    [Fact]
    public void ApplianceDeploymentIsRead()
    {
        string xml = ConfigurationXml.Document(@"
  <Mode>LogOnly</Mode>
  <Scope>
    <SkipAntispamBypass>false</SkipAntispamBypass>
    <ConnectorBindings>
      <Binding>192.0.2.25:25</Binding>
      <Binding>[2001:db8::25]:2525</Binding>
    </ConnectorBindings>
  </Scope>
  <Origin>
    <Sources><Source>header</Source><Source>ExchangeLastExternal</Source></Sources>
    <TrustedRelays><Range>198.51.100.0/28</Range><Range>2001:db8:1::/48</Range></TrustedRelays>
    <SkipList></SkipList>
    <HeaderName>X-Barracuda-Apparent-Source-IP</HeaderName>
    <HeaderOccurrence>Last</HeaderOccurrence>
  </Origin>
  <Evaluation>
    <CheckHelo>false</CheckHelo>
    <TimeBudget>00:00:12.5</TimeBudget>
    <ReceiverName>MX1.Example.COM.</ReceiverName>
  </Evaluation>
  <Dns>
    <Servers><Server>127.0.0.1:5353</Server><Server>::1</Server></Servers>
    <QueryTimeout>00:00:01.500</QueryTimeout>
    <Retries>0</Retries>
    <MinimumTimeToLive>00:00:30</MinimumTimeToLive>
    <MaximumTimeToLive>1.00:00:00</MaximumTimeToLive>
    <TemporaryFailureTimeToLive>00:00:00</TemporaryFailureTimeToLive>
    <MaxCacheEntries>500</MaxCacheEntries>
  </Dns>
  <Actions>
    <MailFrom><Fail>Discard</Fail><SoftFail>Quarantine</SoftFail></MailFrom>
    <Helo><Fail>Defer</Fail></Helo>
    <HeloActionsApplyTo>All</HeloActionsApplyTo>
  </Actions>
  <Bypass>
    <Origins><Range>203.0.113.7</Range></Origins>
    <SenderDomains><Domain>Partner.Example</Domain></SenderDomains>
    <Recipients><Address>Abuse@Example.ORG</Address></Recipients>
  </Bypass>
  <Responses>
    <UseExplanation>false</UseExplanation>
    <FailText>Rejected: {ip} may not send for {domain} ({result})</FailText>
    <MaxTextLength>120</MaxTextLength>
  </Responses>
  <Headers>
    <AddAuthenticationResults>false</AddAuthenticationResults>
    <AuthServId>mx.example.com</AuthServId>
  </Headers>
  <Logging>
    <Folder>D:\Logs\Spf</Folder>
    <Level>debug</Level>
    <DecisionLog>false</DecisionLog>
    <RetentionDays>7</RetentionDays>
    <MaxFileSizeMegabytes>10</MaxFileSizeMegabytes>
    <EventLog>false</EventLog>
    <SummaryIntervalMinutes>0</SummaryIntervalMinutes>
  </Logging>");

        AgentSettings settings = AgentConfigurationLoader.Parse(xml);

        Assert.Equal(AgentMode.LogOnly, settings.Mode);
        Assert.True(settings.Scope.SkipOrganizationAuthenticated);
        Assert.False(settings.Scope.SkipAntispamBypass);
        Assert.Equal(new[] { "192.0.2.25:25", "[2001:db8::25]:2525" }, settings.Scope.ConnectorBindings.Select(b => b.ToString()));
        Assert.Equal(new[] { OriginSource.Header, OriginSource.ExchangeLastExternal }, settings.Origin.Sources);
        Assert.True(settings.Origin.TrustedRelays.Contains(IPAddress.Parse("198.51.100.15")));
        Assert.False(settings.Origin.TrustedRelays.Contains(IPAddress.Parse("198.51.100.16")));
        Assert.True(settings.Origin.TrustedRelays.Contains(IPAddress.Parse("2001:db8:1::9")));
        Assert.Equal(0, settings.Origin.SkipList.Count);
        Assert.Equal("X-Barracuda-Apparent-Source-IP", settings.Origin.HeaderName);
        Assert.Equal(OriginHeaderOccurrence.Last, settings.Origin.HeaderOccurrence);
        Assert.False(settings.Evaluation.CheckHelo);
        Assert.Equal(TimeSpan.FromMilliseconds(12_500), settings.Evaluation.TimeBudget);
        Assert.Equal("mx1.example.com", settings.Evaluation.ReceiverName);
        Assert.Equal(new[] { "127.0.0.1:5353", "[::1]:53" }, settings.Dns.Servers.Select(s => s.ToString()));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.Dns.QueryTimeout);
        Assert.Equal(0, settings.Dns.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Dns.MinimumTimeToLive);
        Assert.Equal(TimeSpan.FromDays(1), settings.Dns.MaximumTimeToLive);
        Assert.Equal(TimeSpan.Zero, settings.Dns.TemporaryFailureTimeToLive);
        Assert.Equal(500, settings.Dns.MaxCacheEntries);
        Assert.Equal(SpfAction.Discard, settings.Actions.MailFrom.Fail);
        Assert.Equal(SpfAction.Quarantine, settings.Actions.MailFrom.SoftFail);
        Assert.Equal(SpfAction.Stamp, settings.Actions.MailFrom.PermError);
        Assert.Equal(SpfAction.Defer, settings.Actions.Helo.Fail);
        Assert.Equal(HeloActionScope.All, settings.Actions.HeloActionsApplyTo);
        Assert.True(settings.Bypass.Origins.Contains(IPAddress.Parse("203.0.113.7")));
        Assert.Equal(new[] { "partner.example" }, settings.Bypass.SenderDomains);
        Assert.Equal(new[] { "Abuse@example.org" }, settings.Bypass.Recipients);
        Assert.False(settings.Responses.UseExplanation);
        Assert.Equal("Rejected: {ip} may not send for {domain} ({result})", settings.Responses.FailText);
        Assert.Equal(new ResponseSettings().PermErrorText, settings.Responses.PermErrorText);
        Assert.Equal(120, settings.Responses.MaxTextLength);
        Assert.True(settings.Headers.AddReceivedSpf);
        Assert.False(settings.Headers.AddAuthenticationResults);
        Assert.Equal("mx.example.com", settings.Headers.AuthServId);
        Assert.Equal(@"D:\Logs\Spf", settings.Logging.Folder);
        Assert.Equal("Debug", settings.Logging.Level);
        Assert.False(settings.Logging.DecisionLog);
        Assert.Equal(7, settings.Logging.RetentionDays);
        Assert.Equal(10, settings.Logging.MaxFileSizeMegabytes);
        Assert.False(settings.Logging.EventLog);
        Assert.Equal(0, settings.Logging.SummaryIntervalMinutes);
    }

    [Fact]
    public void AbsentSkipListKeepsDefaultNetworks()
    {
        AgentSettings settings = AgentConfigurationLoader.Parse(ConfigurationXml.Document("<Origin></Origin>"));

        Assert.Same(DefaultSkipList.Ranges, settings.Origin.SkipList);
    }

    [Fact]
    public void PartialActionsKeepIdentityDefaults()
    {
        AgentSettings settings = AgentConfigurationLoader.Parse(
            ConfigurationXml.Document("<Actions><MailFrom><Pass>Accept</Pass></MailFrom></Actions>"));

        Assert.Equal(SpfAction.Accept, settings.Actions.MailFrom.Pass);
        Assert.Equal(SpfAction.Reject, settings.Actions.MailFrom.Fail);
        Assert.Equal(SpfAction.Reject, settings.Actions.Helo.Fail);
    }

    [Fact]
    public void EmptyAuthServIdMeansServerName()
    {
        AgentSettings settings = AgentConfigurationLoader.Parse(
            ConfigurationXml.Document("<Headers><AuthServId>  </AuthServId></Headers>"));

        Assert.Null(settings.Headers.AuthServId);
    }

    [Fact]
    public void LoadNamesFileInErrors()
    {
        string directory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, AgentConfigurationLoader.FileName);
        try
        {
            File.WriteAllText(path, ConfigurationXml.Document("<Mode>Enforcing</Mode>"));

            ConfigurationException error = Assert.Throws<ConfigurationException>(() => AgentConfigurationLoader.Load(path));

            Assert.Equal(path, error.FilePath);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Equal(3, error.LineNumber);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
