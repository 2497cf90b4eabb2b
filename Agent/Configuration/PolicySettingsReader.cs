namespace ExchangeSpfAgent.Configuration;

/// <summary>Binds the <c>Actions</c>, <c>Bypass</c> and <c>Responses</c> elements.</summary>
internal static class PolicySettingsReader
{
    // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with the CRLF; "550 5.7.23 " and the CRLF take 13.
    public const int MaxReplyTextLength = 499;

    /// <summary>The shortest reply text limit accepted, so the RFC 7372 wording and the domain still fit.</summary>
    public const int MinReplyTextLength = 40;

    public static ActionSettings ReadActions(SettingsElement? section)
    {
        var defaults = new ActionSettings();
        if (section is null)
        {
            return defaults;
        }

        var actions = new ActionSettings
        {
            MailFrom = ReadResultActions(section.Section("MailFrom"), defaults.MailFrom),
            Helo = ReadResultActions(section.Section("Helo"), defaults.Helo),
            HeloActionsApplyTo = section.Enumeration("HeloActionsApplyTo", defaults.HeloActionsApplyTo),
        };

        section.RejectUnknownChildren();
        return actions;
    }

    public static BypassSettings ReadBypass(SettingsElement? section)
    {
        var defaults = new BypassSettings();
        if (section is null)
        {
            return defaults;
        }

        var bypass = new BypassSettings
        {
            Origins = OriginSettingsReader.ReadRanges(section, "Origins") ?? defaults.Origins,
            SenderDomains = section.List<string>(
                "SenderDomains",
                "Domain",
                SettingsSyntax.TryParseHostName,
                "a domain name such as example.com") ?? defaults.SenderDomains,
            Recipients = section.List<string>(
                "Recipients",
                "Address",
                SettingsSyntax.TryParseMailAddress,
                "a mail address such as postmaster@example.com") ?? defaults.Recipients,
        };

        section.RejectUnknownChildren();
        return bypass;
    }

    public static ResponseSettings ReadResponses(SettingsElement? section)
    {
        var defaults = new ResponseSettings();
        if (section is null)
        {
            return defaults;
        }

        const string TemplateSyntax =
            "printable US-ASCII text that may use {sender}, {domain}, {ip}, {identity} and {result}";
        var responses = new ResponseSettings
        {
            UseExplanation = section.Boolean("UseExplanation", defaults.UseExplanation),
            FailText = section.Value("FailText", defaults.FailText, SettingsSyntax.TryParseTemplate, TemplateSyntax),
            PermErrorText =
                section.Value("PermErrorText", defaults.PermErrorText, SettingsSyntax.TryParseTemplate, TemplateSyntax),
            TempErrorText =
                section.Value("TempErrorText", defaults.TempErrorText, SettingsSyntax.TryParseTemplate, TemplateSyntax),
            MaxTextLength =
                section.Integer("MaxTextLength", defaults.MaxTextLength, MinReplyTextLength, MaxReplyTextLength),
        };

        section.RejectUnknownChildren();
        return responses;
    }

    private static ResultActions ReadResultActions(SettingsElement? section, ResultActions defaults)
    {
        if (section is null)
        {
            return defaults;
        }

        var actions = new ResultActions
        {
            Pass = section.Enumeration("Pass", defaults.Pass),
            Fail = section.Enumeration("Fail", defaults.Fail),
            SoftFail = section.Enumeration("SoftFail", defaults.SoftFail),
            Neutral = section.Enumeration("Neutral", defaults.Neutral),
            None = section.Enumeration("None", defaults.None),
            TempError = section.Enumeration("TempError", defaults.TempError),
            PermError = section.Enumeration("PermError", defaults.PermError),
        };

        section.RejectUnknownChildren();
        return actions;
    }
}
