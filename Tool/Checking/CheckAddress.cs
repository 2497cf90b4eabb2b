using System.Net;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>Parses the client IP of a check request.</summary>
internal static class CheckAddress
{
    /// <summary>
    /// Parses an IPv4 or IPv6 address, optionally in brackets; an IPv4-mapped address (<c>::ffff:192.0.2.1</c>)
    /// becomes IPv4, as the agent treats it.
    /// </summary>
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddressSyntax.TryParseLiteral(text?.Trim(), out IPAddress? parsed) || parsed is null)
        {
            return false;
        }

        address = IPAddressNormalizer.Normalize(parsed);
        return true;
    }
}
