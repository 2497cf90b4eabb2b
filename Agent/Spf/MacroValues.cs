using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The values that macro letters stand for during one evaluation (RFC 7208 §7.2).
/// </summary>
/// <remarks>
/// The current domain ("d") and the validated client name ("p") change during evaluation, so they are
/// passed to <see cref="Resolve"/>; everything else is fixed when the evaluation starts.
/// </remarks>
internal sealed class MacroValues
{
    public MacroValues(
        IPAddress client,
        string sender,
        string localPart,
        string senderDomain,
        string helo,
        string receiver,
        DateTimeOffset now)
    {
        Sender = sender;
        LocalPart = localPart;
        SenderDomain = senderDomain;
        Helo = helo;
        Receiver = receiver;
        Timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        bool isIpv6 = client.AddressFamily == AddressFamily.InterNetworkV6;

        // RFC 7208 §7.3: "i" is dotted-quad for IPv4 and dot-separated nibbles for IPv6;
        // "c" is the readable form; "v" is "in-addr" or "ip6".
        DottedAddress = isIpv6 ? ToNibbles(client) : client.ToString();
        ReadableAddress = client.ToString();
        VersionName = isIpv6 ? "ip6" : "in-addr";
    }

    /// <summary>The sender identity, "l@o".</summary>
    public string Sender { get; }

    public string LocalPart { get; }

    public string SenderDomain { get; }

    public string Helo { get; }

    public string Receiver { get; }

    /// <summary>The evaluation start as seconds since 1970-01-01 UTC.</summary>
    public string Timestamp { get; }

    public string DottedAddress { get; }

    public string ReadableAddress { get; }

    public string VersionName { get; }

    /// <summary>Returns the value of a lower-case macro letter.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="letter"/> is not a macro letter.</exception>
    public string Resolve(char letter, string currentDomain, string? validatedDomain) => letter switch
    {
        's' => Sender,
        'l' => LocalPart,
        'o' => SenderDomain,
        'd' => currentDomain,
        'i' => DottedAddress,
        // RFC 7208 §7.3: "p" is "unknown" when no validated name exists.
        'p' => validatedDomain ?? "unknown",
        'v' => VersionName,
        'h' => Helo,
        'c' => ReadableAddress,
        'r' => Receiver,
        't' => Timestamp,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "The character is not a macro letter."),
    };

    /// <summary>Formats an IPv6 address as 32 dot-separated hex nibbles, most significant first.</summary>
    /// <remarks>
    /// The nibbles are upper case, as pyspf writes them and the RFC 7208 test suite expects in
    /// explanations; DNS compares names without regard to case, so lookups are unaffected.
    /// </remarks>
    public static string ToNibbles(IPAddress address)
    {
        var output = new StringBuilder();
        foreach (byte octet in address.GetAddressBytes())
        {
            AppendNibble(output, octet >> 4);
            AppendNibble(output, octet & 0xF);
        }

        return output.ToString();
    }

    private static void AppendNibble(StringBuilder output, int nibble)
    {
        if (output.Length > 0)
        {
            output.Append('.');
        }

        output.Append("0123456789ABCDEF"[nibble]);
    }
}
