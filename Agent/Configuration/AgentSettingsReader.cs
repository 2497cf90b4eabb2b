using System;
using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// Binds the root element of the configuration file to <see cref="AgentSettings"/>; an absent element keeps the
/// default of its property.
/// </summary>
internal static class AgentSettingsReader
{
    /// <summary>The shortest SPF evaluation time budget accepted.</summary>
    public static readonly TimeSpan MinTimeBudget = TimeSpan.FromSeconds(1);

    /// <summary>The longest SPF evaluation time budget accepted, because a check keeps the SMTP session waiting.</summary>
    public static readonly TimeSpan MaxTimeBudget = TimeSpan.FromMinutes(5);

    /// <summary>The levels the diagnostic log accepts, as NLog names them.</summary>
    public static IReadOnlyList<string> LogLevels { get; } = new[] { "Trace", "Debug", "Info", "Warn", "Error" };

    public const int MaxRetentionDays = 3650;
    public const int MaxFileSizeMegabytes = 10_240;
    public const int MaxSummaryIntervalMinutes = 1440;

    /// <summary>Reads the settings below <paramref name="root"/>.</summary>
    /// <exception cref="ConfigurationException">An element is unknown, repeated or has an invalid value.</exception>
    public static AgentSettings Read(SettingsElement root)
    {
        var defaults = new AgentSettings();
        var settings = new AgentSettings
        {
            Mode = root.Enumeration("Mode", defaults.Mode),
            Scope = ReadScope(root.Section("Scope")),
            Origin = OriginSettingsReader.Read(root.Section("Origin")),
            Evaluation = ReadEvaluation(root.Section("Evaluation")),
            Dns = DnsSettingsReader.Read(root.Section("Dns")),
            Actions = PolicySettingsReader.ReadActions(root.Section("Actions")),
            Bypass = PolicySettingsReader.ReadBypass(root.Section("Bypass")),
            Responses = PolicySettingsReader.ReadResponses(root.Section("Responses")),
            Headers = ReadHeaders(root.Section("Headers")),
            Logging = ReadLogging(root.Section("Logging")),
        };

        root.RejectUnknownChildren();
        return settings;
    }

    private static ScopeSettings ReadScope(SettingsElement? section)
    {
        var defaults = new ScopeSettings();
        if (section is null)
        {
            return defaults;
        }

        var scope = new ScopeSettings
        {
            SkipOrganizationAuthenticated =
                section.Boolean("SkipOrganizationAuthenticated", defaults.SkipOrganizationAuthenticated),
            SkipAntispamBypass = section.Boolean("SkipAntispamBypass", defaults.SkipAntispamBypass),
            ConnectorBindings = section.List<ConnectorBinding>(
                "ConnectorBindings",
                "Binding",
                (string text, out ConnectorBinding value) => TryParseBinding(text, out value),
                "a local IP address and port such as 192.0.2.10:25, [2001:db8::10]:25 or 0.0.0.0:25")
                ?? defaults.ConnectorBindings,
        };

        section.RejectUnknownChildren();
        return scope;
    }

    private static EvaluationSettings ReadEvaluation(SettingsElement? section)
    {
        var defaults = new EvaluationSettings();
        if (section is null)
        {
            return defaults;
        }

        var evaluation = new EvaluationSettings
        {
            CheckHelo = section.Boolean("CheckHelo", defaults.CheckHelo),
            TimeBudget = section.Duration("TimeBudget", defaults.TimeBudget, MinTimeBudget, MaxTimeBudget),
            ReceiverName = OptionalHostName(section, "ReceiverName", defaults.ReceiverName),
        };

        section.RejectUnknownChildren();
        return evaluation;
    }

    private static HeaderSettings ReadHeaders(SettingsElement? section)
    {
        var defaults = new HeaderSettings();
        if (section is null)
        {
            return defaults;
        }

        var headers = new HeaderSettings
        {
            AddReceivedSpf = section.Boolean("AddReceivedSpf", defaults.AddReceivedSpf),
            AddAuthenticationResults = section.Boolean("AddAuthenticationResults", defaults.AddAuthenticationResults),
            AuthServId = OptionalHostName(section, "AuthServId", defaults.AuthServId),
            RemoveForgedAuthenticationResults =
                section.Boolean("RemoveForgedAuthenticationResults", defaults.RemoveForgedAuthenticationResults),
        };

        section.RejectUnknownChildren();
        return headers;
    }

    private static LoggingSettings ReadLogging(SettingsElement? section)
    {
        var defaults = new LoggingSettings();
        if (section is null)
        {
            return defaults;
        }

        var logging = new LoggingSettings
        {
            Folder = section.Value(
                "Folder",
                defaults.Folder,
                SettingsSyntax.TryParseFolder,
                "a folder path, absolute or relative to the agent's folder, without wildcards"),
            Level = section.Value(
                "Level",
                defaults.Level,
                TryParseLevel,
                "one of " + string.Join(", ", LogLevels)),
            DecisionLog = section.Boolean("DecisionLog", defaults.DecisionLog),
            RetentionDays = section.Integer("RetentionDays", defaults.RetentionDays, 1, MaxRetentionDays),
            MaxFileSizeMegabytes =
                section.Integer("MaxFileSizeMegabytes", defaults.MaxFileSizeMegabytes, 1, MaxFileSizeMegabytes),
            EventLog = section.Boolean("EventLog", defaults.EventLog),
            SummaryIntervalMinutes = section.Integer(
                "SummaryIntervalMinutes", defaults.SummaryIntervalMinutes, 0, MaxSummaryIntervalMinutes),
        };

        section.RejectUnknownChildren();
        return logging;
    }

    // An empty element means "not set", which selects the Exchange server's name.
    private static string? OptionalHostName(SettingsElement section, string name, string? defaultValue)
    {
        string? text = section.Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (!SettingsSyntax.TryParseHostName(text, out string hostName))
        {
            throw section.ChildError(
                name,
                "has an invalid value",
                text,
                "a host name such as mail.example.com, or an empty element for the Exchange server's name");
        }

        return hostName;
    }

    private static bool TryParseLevel(string text, out string level)
    {
        level = LogLevels.FirstOrDefault(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase)) ?? text;
        return LogLevels.Contains(level);
    }

    // The address is also checked with the strict parser, because IPAddress.TryParse reads "25" as 0.0.0.25.
    private static bool TryParseBinding(string text, out ConnectorBinding binding)
    {
        binding = null!;
        int colon = text.LastIndexOf(':');
        string host = colon > 0 ? text.Substring(0, colon) : text;
        if (host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal))
        {
            host = host.Substring(1, host.Length - 2);
        }

        if (!IPAddressSyntax.TryParseAddress(host, out _)
            || !ConnectorBinding.TryParse(text, out ConnectorBinding? result))
        {
            return false;
        }

        binding = result;
        return true;
    }
}
