using System;
using System.Linq;
using ExchangeSpfAgent.Configuration;
using Xunit;

namespace ExchangeSpfAgent.Tests.Configuration;

/// <summary>Every rejected value names the element, the line and the value, and the allowed values.</summary>
public sealed class ConfigurationErrorTests
{
    // Columns: body (its first line is line 3), element path, line, rejected value, a phrase of the allowed values.
    public static TheoryData<string, string, int, string?, string> InvalidValues => new()
    {
        { "<Mode>Enforcing</Mode>", "Mode", 3, "Enforcing", "Enforce, LogOnly" },
        { "<Mode>1</Mode>", "Mode", 3, "1", "Enforce, LogOnly" },
        { "<Mode></Mode>", "Mode", 3, "", "Enforce, LogOnly" },
        { "<Scope>\n<SkipAntispamBypass>yes</SkipAntispamBypass>\n</Scope>", "Scope/SkipAntispamBypass", 4, "yes", "true or false" },
        { "<Scope>\n<SkipOrganizationAuthenticated>1</SkipOrganizationAuthenticated>\n</Scope>", "Scope/SkipOrganizationAuthenticated", 4, "1", "true or false" },
        { "<Scope><ConnectorBindings>\n<Binding>192.0.2.1</Binding>\n</ConnectorBindings></Scope>", "Scope/ConnectorBindings/Binding", 4, "192.0.2.1", "IP address and port" },
        { "<Scope><ConnectorBindings>\n<Binding>2001:db8::1:25</Binding>\n</ConnectorBindings></Scope>", "Scope/ConnectorBindings/Binding", 4, "2001:db8::1:25", "[2001:db8::10]:25" },
        { "<Scope><ConnectorBindings>\n<Binding>25:25</Binding>\n</ConnectorBindings></Scope>", "Scope/ConnectorBindings/Binding", 4, "25:25", "IP address and port" },
        { "<Scope><ConnectorBindings>\n<Binding>192.0.2.1:65536</Binding>\n</ConnectorBindings></Scope>", "Scope/ConnectorBindings/Binding", 4, "192.0.2.1:65536", "IP address and port" },
        { "<Scope><ConnectorBindings>\n<Binding>0.0.0.0:0</Binding>\n</ConnectorBindings></Scope>", "Scope/ConnectorBindings/Binding", 4, "0.0.0.0:0", "IP address and port" },
        { "<Origin><Sources>\n<Source>Appliance</Source>\n</Sources></Origin>", "Origin/Sources/Source", 4, "Appliance", "Header, ReceivedChain, ExchangeLastExternal" },
        { "<Origin>\n<Sources></Sources>\n</Origin>", "Origin/Sources", 4, null, "at least one <Source>" },
        { "<Origin>\n<Sources><Source>Header</Source><Source>Header</Source></Sources>\n</Origin>", "Origin/Sources", 4, "Header", "each source once" },
        { "<Origin><TrustedRelays>\n<Range>192.0.2.1/24</Range>\n</TrustedRelays></Origin>", "Origin/TrustedRelays/Range", 4, "192.0.2.1/24", "CIDR notation" },
        { "<Origin><TrustedRelays>\n<Range>appliance.example.com</Range>\n</TrustedRelays></Origin>", "Origin/TrustedRelays/Range", 4, "appliance.example.com", "CIDR notation" },
        { "<Origin><SkipList>\n<Range>10.0.0.0/33</Range>\n</SkipList></Origin>", "Origin/SkipList/Range", 4, "10.0.0.0/33", "CIDR notation" },
        { "<Origin>\n<HeaderName>X-Origin IP</HeaderName>\n</Origin>", "Origin/HeaderName", 4, "X-Origin IP", "header field name" },
        { "<Origin>\n<HeaderName>X-Origin:IP</HeaderName>\n</Origin>", "Origin/HeaderName", 4, "X-Origin:IP", "without a colon" },
        { "<Origin>\n<HeaderOccurrence>Any</HeaderOccurrence>\n</Origin>", "Origin/HeaderOccurrence", 4, "Any", "Single, First, Last" },
        { "<Evaluation>\n<CheckHelo>on</CheckHelo>\n</Evaluation>", "Evaluation/CheckHelo", 4, "on", "true or false" },
        { "<Evaluation>\n<TimeBudget>20</TimeBudget>\n</Evaluation>", "Evaluation/TimeBudget", 4, "20", "hh:mm:ss" },
        { "<Evaluation>\n<TimeBudget>00:00:00</TimeBudget>\n</Evaluation>", "Evaluation/TimeBudget", 4, "00:00:00", "from 00:00:01 to 00:05:00" },
        { "<Evaluation>\n<TimeBudget>01:00:00</TimeBudget>\n</Evaluation>", "Evaluation/TimeBudget", 4, "01:00:00", "from 00:00:01 to 00:05:00" },
        { "<Evaluation>\n<ReceiverName>mx 1.example.com</ReceiverName>\n</Evaluation>", "Evaluation/ReceiverName", 4, "mx 1.example.com", "host name" },
        { "<Dns><Servers>\n<Server>dns.example.net</Server>\n</Servers></Dns>", "Dns/Servers/Server", 4, "dns.example.net", "IP address with an optional port" },
        { "<Dns><Servers>\n<Server>192.0.2.53:0</Server>\n</Servers></Dns>", "Dns/Servers/Server", 4, "192.0.2.53:0", "IP address with an optional port" },
        { "<Dns><Servers>\n<Server>[2001:db8::53</Server>\n</Servers></Dns>", "Dns/Servers/Server", 4, "[2001:db8::53", "IP address with an optional port" },
        { "<Dns>\n<QueryTimeout>00:00:00.050</QueryTimeout>\n</Dns>", "Dns/QueryTimeout", 4, "00:00:00.050", "00:00:00.100 to 00:01:00" },
        { "<Dns>\n<Retries>-1</Retries>\n</Dns>", "Dns/Retries", 4, "-1", "from 0 to 5" },
        { "<Dns>\n<Retries>six</Retries>\n</Dns>", "Dns/Retries", 4, "six", "from 0 to 5" },
        { "<Dns>\n<TemporaryFailureTimeToLive>00:06:00</TemporaryFailureTimeToLive>\n</Dns>", "Dns/TemporaryFailureTimeToLive", 4, "00:06:00", "to 00:05:00" },
        { "<Dns>\n<MinimumTimeToLive>02:00:00</MinimumTimeToLive>\n</Dns>", "Dns/MinimumTimeToLive", 4, "02:00:00", "no greater than the ceiling" },
        { "<Dns>\n<MaxCacheEntries>0</MaxCacheEntries>\n</Dns>", "Dns/MaxCacheEntries", 4, "0", "from 1 to 1000000" },
        { "<Actions><MailFrom>\n<Fail>Bounce</Fail>\n</MailFrom></Actions>", "Actions/MailFrom/Fail", 4, "Bounce", "Accept, Stamp, Reject, Defer, Discard, Quarantine" },
        { "<Actions><Helo>\n<PermError>reject-all</PermError>\n</Helo></Actions>", "Actions/Helo/PermError", 4, "reject-all", "Reject" },
        { "<Actions>\n<HeloActionsApplyTo>Some</HeloActionsApplyTo>\n</Actions>", "Actions/HeloActionsApplyTo", 4, "Some", "NullSender, All" },
        { "<Bypass><Origins>\n<Range>203.0.113.0/-1</Range>\n</Origins></Bypass>", "Bypass/Origins/Range", 4, "203.0.113.0/-1", "CIDR notation" },
        { "<Bypass><SenderDomains>\n<Domain>*.example.com</Domain>\n</SenderDomains></Bypass>", "Bypass/SenderDomains/Domain", 4, "*.example.com", "domain name" },
        { "<Bypass><Recipients>\n<Address>postmaster</Address>\n</Recipients></Bypass>", "Bypass/Recipients/Address", 4, "postmaster", "mail address" },
        { "<Responses>\n<FailText>Rejected {sender} {unknown}</FailText>\n</Responses>", "Responses/FailText", 4, "Rejected {sender} {unknown}", "{sender}, {domain}, {ip}, {identity} and {result}" },
        { "<Responses>\n<TempErrorText>Réessayez plus tard</TempErrorText>\n</Responses>", "Responses/TempErrorText", 4, "Réessayez plus tard", "printable US-ASCII" },
        { "<Responses>\n<PermErrorText>broken {domain</PermErrorText>\n</Responses>", "Responses/PermErrorText", 4, "broken {domain", "printable US-ASCII" },
        { "<Responses>\n<PermErrorText></PermErrorText>\n</Responses>", "Responses/PermErrorText", 4, "", "printable US-ASCII" },
        { "<Responses>\n<MaxTextLength>600</MaxTextLength>\n</Responses>", "Responses/MaxTextLength", 4, "600", "from 40 to 499" },
        { "<Headers>\n<AuthServId>mx.example.com;x</AuthServId>\n</Headers>", "Headers/AuthServId", 4, "mx.example.com;x", "host name" },
        { "<Headers>\n<AddReceivedSpf>no</AddReceivedSpf>\n</Headers>", "Headers/AddReceivedSpf", 4, "no", "true or false" },
        { "<Logging>\n<Folder>Logs\\*</Folder>\n</Logging>", "Logging/Folder", 4, "Logs\\*", "without wildcards" },
        { "<Logging>\n<Folder></Folder>\n</Logging>", "Logging/Folder", 4, "", "folder path" },
        { "<Logging>\n<Level>Verbose</Level>\n</Logging>", "Logging/Level", 4, "Verbose", "Trace, Debug, Info, Warn, Error" },
        { "<Logging>\n<RetentionDays>0</RetentionDays>\n</Logging>", "Logging/RetentionDays", 4, "0", "from 1 to 3650" },
        { "<Logging>\n<MaxFileSizeMegabytes>1.5</MaxFileSizeMegabytes>\n</Logging>", "Logging/MaxFileSizeMegabytes", 4, "1.5", "from 1 to 10240" },
        { "<Logging>\n<EventLog>maybe</EventLog>\n</Logging>", "Logging/EventLog", 4, "maybe", "true or false" },
        { "<Logging>\n<SummaryIntervalMinutes>-5</SummaryIntervalMinutes>\n</Logging>", "Logging/SummaryIntervalMinutes", 4, "-5", "from 0 to 1440" },
    };

    // Columns: body, element path, line, a phrase of the problem.
    public static TheoryData<string, string, int, string> InvalidStructure => new()
    {
        { "<Mode>Enforce</Mode>\n<Mode>LogOnly</Mode>", "Mode", 4, "appears more than once" },
        { "<Modus>Enforce</Modus>", "Modus", 3, "is not a known setting" },
        { "<Logging>\n<Directory>Logs</Directory>\n</Logging>", "Logging/Directory", 4, "is not a known setting" },
        { "<Mode enabled=\"true\">Enforce</Mode>", "Mode", 3, "has the attribute enabled" },
        { "<Scope>true</Scope>", "Scope", 3, "is a section of elements" },
        { "<Mode><Value>Enforce</Value></Mode>", "Mode/Value", 3, "inside a setting that takes a value" },
        { "<Origin><TrustedRelays>\n<Relay>192.0.2.1</Relay>\n</TrustedRelays></Origin>", "Origin/TrustedRelays/Relay", 4, "is not allowed in <Origin/TrustedRelays>" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void InvalidValueIsRejected(string body, string element, int line, string? value, string allowed)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document(body)));

        Assert.Equal(element, error.Element);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal(value, error.Value);
        Assert.Contains(allowed, error.Allowed ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("<" + element + ">", error.Message, StringComparison.Ordinal);
        Assert.Contains("line " + line, error.Message, StringComparison.Ordinal);
        if (value is not null)
        {
            Assert.Contains("'" + value + "'", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidStructure))]
    public void InvalidStructureIsRejected(string body, string element, int line, string problem)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document(body)));

        Assert.Equal(element, error.Element);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Allowed);
    }

    // Columns: section, list element, range with host bits set, the network address the error suggests.
    [Theory]
    [InlineData("Origin", "TrustedRelays", "192.0.2.1/24", "192.0.2.0/24")]
    [InlineData("Origin", "SkipList", "2001:db8::1/32", "2001:db8::/32")]
    [InlineData("Bypass", "Origins", "::ffff:198.51.100.7/120", "198.51.100.0/24")]
    public void RangeWithHostBitsNamesNetwork(string section, string list, string value, string network)
    {
        string body = $"<{section}><{list}>\n<Range>{value}</Range>\n</{list}></{section}>";

        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document(body)));

        Assert.Equal($"{section}/{list}/Range", error.Element);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(value, error.Value);
        Assert.Contains(
            "line 4: <" + error.Element + "> has an invalid value '" + value + "'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed: " + OriginSettingsReader.RangeSyntax + ".", error.Message, StringComparison.Ordinal);
        Assert.Contains("Write the network address, " + network + ",", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPrefixLengthIsExplained()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document(
                "<Origin><SkipList>\n<Range>10.0.0.0/33</Range>\n</SkipList></Origin>")));

        Assert.Equal("10.0.0.0/33", error.Value);
        Assert.Contains("must be a whole number from 0 to 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisnamedItemAfterRangeHasNoReason()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document(
                "<Origin><TrustedRelays>\n<Range>192.0.2.1</Range>\n<Relay>192.0.2.2</Relay>\n"
                    + "</TrustedRelays></Origin>")));

        Assert.Equal("Origin/TrustedRelays/Relay", error.Element);
        Assert.Equal("<Range> elements only", error.Allowed);
        Assert.DoesNotContain("IP address range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXmlNamesLine()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document("<Mode>Enforce</Mod>")));

        Assert.Equal(3, error.LineNumber);
        Assert.Null(error.Element);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedDocumentIsRejectedQuickly()
    {
        const int Depth = 100_000;
        string text = "<ExchangeSpfAgent><Scope>" + string.Concat(Enumerable.Repeat("<a>", Depth))
            + string.Concat(Enumerable.Repeat("</a>", Depth)) + "</Scope></ExchangeSpfAgent>";

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => AgentConfigurationLoader.Parse(text));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongRootIsRejected()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse("<configuration>\n<Mode>Enforce</Mode>\n</configuration>"));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("<configuration>", error.Message, StringComparison.Ordinal);
        Assert.Contains("<ExchangeSpfAgent>", error.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentTypeIsRejected()
    {
        const string Xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ExchangeSpfAgent [<!ENTITY mode \"LogOnly\">]>\n"
            + "<ExchangeSpfAgent><Mode>&mode;</Mode></ExchangeSpfAgent>";

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => AgentConfigurationLoader.Parse(Xml));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public void ControlCharactersInValueAreNotEchoed()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(
            () => AgentConfigurationLoader.Parse(ConfigurationXml.Document("<Mode>Enf&#x9;orce&#xA;x</Mode>")));

        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", error.Message, StringComparison.Ordinal);
    }
}
