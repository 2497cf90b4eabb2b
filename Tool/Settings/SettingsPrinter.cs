using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Tool.Settings;

/// <summary>
/// Writes effective settings in the configuration file's own format, every element present, so that the output
/// is itself a valid configuration file.
/// </summary>
internal static class SettingsPrinter
{
    public static XDocument ToXml(AgentSettings settings, string source) =>
        new(
            new XComment(" Effective settings of " + source + ", with every default filled in. "),
            new XElement(
                AgentConfigurationLoader.RootElementName,
                new XElement("Mode", settings.Mode),
                Scope(settings.Scope),
                Origin(settings.Origin),
                new XElement(
                    "Evaluation",
                    new XElement("CheckHelo", settings.Evaluation.CheckHelo),
                    new XElement("TimeBudget", Duration(settings.Evaluation.TimeBudget)),
                    new XElement("ReceiverName", settings.Evaluation.ReceiverName ?? string.Empty)),
                Dns(settings),
                new XElement(
                    "Actions",
                    Actions("MailFrom", settings.Actions.MailFrom),
                    Actions("Helo", settings.Actions.Helo),
                    new XElement("HeloActionsApplyTo", settings.Actions.HeloActionsApplyTo)),
                new XElement(
                    "Bypass",
                    List("Origins", "Range", Ranges(settings.Bypass.Origins)),
                    List("SenderDomains", "Domain", settings.Bypass.SenderDomains),
                    List("Recipients", "Address", settings.Bypass.Recipients)),
                Responses(settings.Responses),
                new XElement(
                    "Headers",
                    new XElement("AddReceivedSpf", settings.Headers.AddReceivedSpf),
                    new XElement("AddAuthenticationResults", settings.Headers.AddAuthenticationResults),
                    new XElement("AuthServId", settings.Headers.AuthServId ?? string.Empty),
                    new XElement("RemoveForgedAuthenticationResults", settings.Headers.RemoveForgedAuthenticationResults)),
                Logging(settings.Logging)));

    private static XElement Scope(ScopeSettings scope) =>
        new(
            "Scope",
            new XElement("SkipOrganizationAuthenticated", scope.SkipOrganizationAuthenticated),
            new XElement("SkipAntispamBypass", scope.SkipAntispamBypass),
            List("ConnectorBindings", "Binding", scope.ConnectorBindings.Select(binding => binding.ToString())));

    private static XElement Origin(OriginSelectorOptions origin) =>
        new(
            "Origin",
            List("Sources", "Source", origin.Sources.Select(source => source.ToString())),
            List("TrustedRelays", "Range", Ranges(origin.TrustedRelays)),
            List("SkipList", "Range", Ranges(origin.SkipList)),
            new XElement("HeaderName", origin.HeaderName),
            new XElement("HeaderOccurrence", origin.HeaderOccurrence));

    private static XElement Dns(AgentSettings settings) =>
        new(
            "Dns",
            List("Servers", "Server", settings.Dns.Servers.Select(Server)),
            new XElement("QueryTimeout", Duration(settings.Dns.QueryTimeout)),
            new XElement("Retries", settings.Dns.Retries),
            new XElement("MinimumTimeToLive", Duration(settings.Dns.MinimumTimeToLive)),
            new XElement("MaximumTimeToLive", Duration(settings.Dns.MaximumTimeToLive)),
            new XElement("TemporaryFailureTimeToLive", Duration(settings.Dns.TemporaryFailureTimeToLive)),
            new XElement("MaxCacheEntries", settings.Dns.MaxCacheEntries));

    private static XElement Actions(string name, ResultActions actions) =>
        new(
            name,
            new XElement("Pass", actions.Pass),
            new XElement("Fail", actions.Fail),
            new XElement("SoftFail", actions.SoftFail),
            new XElement("Neutral", actions.Neutral),
            new XElement("None", actions.None),
            new XElement("TempError", actions.TempError),
            new XElement("PermError", actions.PermError));

    private static XElement Responses(ResponseSettings responses) =>
        new(
            "Responses",
            new XElement("UseExplanation", responses.UseExplanation),
            new XElement("FailText", responses.FailText),
            new XElement("PermErrorText", responses.PermErrorText),
            new XElement("TempErrorText", responses.TempErrorText),
            new XElement("MaxTextLength", responses.MaxTextLength));

    private static XElement Logging(LoggingSettings logging) =>
        new(
            "Logging",
            new XElement("Folder", logging.Folder),
            new XElement("Level", logging.Level),
            new XElement("DecisionLog", logging.DecisionLog),
            new XElement("RetentionDays", logging.RetentionDays),
            new XElement("MaxFileSizeMegabytes", logging.MaxFileSizeMegabytes),
            new XElement("EventLog", logging.EventLog),
            new XElement("SummaryIntervalMinutes", logging.SummaryIntervalMinutes));

    private static XElement List(string name, string itemName, IEnumerable<string> items) =>
        new(name, items.Select(item => new XElement(itemName, item)));

    private static IEnumerable<string> Ranges(IPAddressRangeList list) => list.Ranges.Select(range => range.ToString());

    private static string Server(IPEndPoint server) =>
        server.Address.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + server.Address + "]:" + server.Port.ToString(CultureInfo.InvariantCulture)
            : server.Address + ":" + server.Port.ToString(CultureInfo.InvariantCulture);

    // The configuration file writes durations as hh:mm:ss.
    private static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
