using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Configuration;

namespace ExchangeSpfAgent.Policy;

/// <summary>Applies the bypass lists: origins, sender domains and recipients.</summary>
public static class BypassRules
{
    /// <summary>Returns why the whole message is bypassed, or null.</summary>
    public static string? MessageBypassReason(IPAddress origin, string mailFrom, BypassSettings bypass)
    {
        if (bypass.Origins.Contains(origin))
        {
            return $"Bypassed: the origin {origin} is in the bypass list.";
        }

        int at = mailFrom.LastIndexOf('@');
        string domain = at < 0 ? string.Empty : mailFrom.Substring(at + 1).TrimEnd('.');
        if (domain.Length > 0 && bypass.SenderDomains.Any(d => string.Equals(d.TrimEnd('.'), domain, StringComparison.OrdinalIgnoreCase)))
        {
            return $"Bypassed: the sender domain {domain} is in the bypass list.";
        }

        return null;
    }

    /// <summary>Returns the recipients of the message that are in the bypass list.</summary>
    public static IReadOnlyList<string> BypassedRecipients(IReadOnlyList<string> recipients, BypassSettings bypass) =>
        bypass.Recipients.Count == 0
            ? Array.Empty<string>()
            : recipients.Where(r => bypass.Recipients.Contains(r, StringComparer.OrdinalIgnoreCase)).ToArray();
}
