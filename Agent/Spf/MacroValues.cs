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
    private readonly IPAddress _client;
    private readonly DateTimeOffset _now;
    private string? _timestamp;
    private string? _dottedAddress;
    private string? _readableAddress;

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
        _client = client;
        _now = now;
        bool isIpv6 = client.AddressFamily == AddressFamily.InterNetworkV6;
        VersionName = isIpv6 ? "ip6" : "in-addr";
    }

    public string Sender { get; }

    public string LocalPart { get; }

    public string SenderDomain { get; }

    public string Helo { get; }

    public string Receiver { get; }

    // The texts below are built on first use, because most policies use no macro.

    /// <summary>The evaluation start as seconds since 1970-01-01 UTC.</summary>
    public string Timestamp => _timestamp ??= _now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>"i": dotted-quad for IPv4, dot-separated nibbles for IPv6 (RFC 7208 §7.3).</summary>
    public string DottedAddress => _dottedAddress ??=
        _client.AddressFamily == AddressFamily.InterNetworkV6 ? ToNibbles(_client) : ReadableAddress;

    /// <summary>"c": the readable form of the address (RFC 7208 §7.3).</summary>
    public string ReadableAddress => _readableAddress ??= _client.ToString();

    /// <summary>"v": "in-addr" for IPv4, "ip6" for IPv6 (RFC 7208 §7.3).</summary>
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
