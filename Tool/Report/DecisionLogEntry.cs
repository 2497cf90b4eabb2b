using System;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>The fields of one decision log line that the report uses.</summary>
internal sealed class DecisionLogEntry
{
    public DateTimeOffset Time { get; init; }

    public string MailFrom { get; init; } = string.Empty;

    public string Helo { get; init; } = string.Empty;

    public string OriginIp { get; init; } = string.Empty;

    public string OriginSource { get; init; } = string.Empty;

    /// <summary>The SPF result in RFC 7208's lower-case names; empty when no check ran.</summary>
    public string Result { get; init; } = string.Empty;

    public string Action { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;
}
