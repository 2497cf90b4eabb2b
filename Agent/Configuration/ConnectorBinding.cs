using System;
using System.Globalization;
using System.Net;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// A receive connector's binding, the only public way to tell connectors apart at end of headers.
/// </summary>
public sealed class ConnectorBinding
{
    public ConnectorBinding(IPAddress address, int port)
    {
        Address = address ?? throw new ArgumentNullException(nameof(address));
        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.");
        }

        Port = port;
    }

    /// <summary>The local address; 0.0.0.0 or :: stands for every local address.</summary>
    public IPAddress Address { get; }

    /// <summary>The local port.</summary>
    public int Port { get; }

    /// <summary>Parses "IP:port", "[IPv6]:port" or "0.0.0.0:25".</summary>
    /// <exception cref="FormatException">The text is not an address and a port.</exception>
    public static ConnectorBinding Parse(string text)
    {
        if (TryParse(text, out ConnectorBinding? binding))
        {
            return binding;
        }

        throw new FormatException(
            $"Invalid connector binding '{text}': expected IP:port, such as 192.0.2.10:25, [2001:db8::10]:25 or 0.0.0.0:25.");
    }

    /// <summary>Tries to parse "IP:port", "[IPv6]:port" or "0.0.0.0:25".</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConnectorBinding? binding)
    {
        binding = null;
        string value = (text ?? string.Empty).Trim();
        int colon = value.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        string host = value.Substring(0, colon);
        if (host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal))
        {
            host = host.Substring(1, host.Length - 2);
        }
        else if (host.IndexOf(':') >= 0)
        {
            // An IPv6 address needs brackets, or its last group would be read as the port.
            return false;
        }

        if (!IPAddress.TryParse(host, out IPAddress? address)
            || !int.TryParse(value.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port < 1
            || port > IPEndPoint.MaxPort)
        {
            // Port 0 is no listening port: a binding on it would match no session and silently check nothing.
            return false;
        }

        binding = new ConnectorBinding(address, port);
        return true;
    }

    /// <summary>Whether a session's local end point is on this binding.</summary>
    public bool Matches(IPEndPoint localEndPoint)
    {
        if (localEndPoint is null || localEndPoint.Port != Port)
        {
            return false;
        }

        if (Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        IPAddress local = localEndPoint.Address.IsIPv4MappedToIPv6 ? localEndPoint.Address.MapToIPv4() : localEndPoint.Address;
        return Address.Equals(local);
    }

    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "[" + Address + "]:" + Port.ToString(CultureInfo.InvariantCulture)
            : Address + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
