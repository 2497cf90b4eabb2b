using System;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The parsed value of the filtering appliance's origin header, such as
/// <c>203.0.113.5; helo=mail.example.com</c>.
/// </summary>
public sealed class OriginHeaderValue
{
    /// <summary>Creates a value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public OriginHeaderValue(IPAddress address, string? helo, string? heloProblem)
    {
        Address = IPAddressNormalizer.Normalize(address);
        Helo = helo;
        HeloProblem = heloProblem;
    }

    /// <summary>Gets the originating client address, normalized.</summary>
    public IPAddress Address { get; }

    /// <summary>Gets the HELO name from the <c>helo=</c> parameter, or null when there is none.</summary>
    public string? Helo { get; }

    /// <summary>
    /// Gets the reason the parameters after the address were ignored, or null when they were
    /// well-formed or absent.
    /// </summary>
    public string? HeloProblem { get; }
}
