using System;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// Checks on the text form of a domain name made before it is sent to a DNS server.
/// </summary>
internal static class DnsNameSyntax
{
    /// <summary>
    /// Returns false for a name with an empty label, such as <c>a..example</c> or <c>.example</c>, which cannot
    /// exist in DNS (RFC 1034 §3.1). The root name, written as an empty string or ".", is allowed.
    /// </summary>
    public static bool CanExist(string name)
    {
        if (name.Length == 0 || name == ".")
        {
            return true;
        }

        string withoutRoot = name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
        return !withoutRoot.StartsWith(".", StringComparison.Ordinal)
            && withoutRoot.IndexOf("..", StringComparison.Ordinal) < 0;
    }
}
