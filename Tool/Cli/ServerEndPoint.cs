using System;
using System.Globalization;
using System.Net;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>Parses the <c>--dns-server HOST[:PORT]</c> values of the command line.</summary>
internal static class ServerEndPoint
{
    /// <summary>The DNS port (RFC 1035 §4.2).</summary>
    public const int DefaultPort = 53;

    /// <summary>
    /// Parses an IP address with an optional port: 192.0.2.53, 192.0.2.53:5353, 2001:db8::53 or [2001:db8::53]:5353.
    /// </summary>
    /// <remarks>
    /// A host name is rejected rather than resolved, because resolving it would ask the system's resolver.
    /// </remarks>
    public static bool TryParse(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.None, 0);
        string host = text;
        string? port = null;
        int firstColon = text.IndexOf(':');
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            int close = text.IndexOf(']');
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                return false;
            }

            host = text.Substring(1, close - 1);
            port = close + 1 < text.Length ? text.Substring(close + 2) : null;
        }
        else if (firstColon > 0 && firstColon == text.LastIndexOf(':'))
        {
            // One colon: an IPv4 address and a port. Two or more: a bare IPv6 address.
            host = text.Substring(0, firstColon);
            port = text.Substring(firstColon + 1);
        }

        if (!IPAddressSyntax.TryParseAddress(host, out IPAddress? address) || address is null)
        {
            return false;
        }

        int portNumber = DefaultPort;
        if (port is not null
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber)
                || portNumber < 1
                || portNumber > IPEndPoint.MaxPort))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, portNumber);
        return true;
    }
}
