using System;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Classifies the protocol named in the <c>with</c> clause of a <c>Received</c> header.
/// </summary>
internal static class ReceivedProtocol
{
    // Protocols that bring a message in without an SMTP client handing it over: Exim's local
    // submission (local, local-smtp, local-esmtp, local-bsmtp), Exchange's MAPI submission,
    // webmail over HTTP, and the fetchmail and getmail retrieval protocols.
    private static readonly string[] s_exactNames = { "mapi", "http", "https", "apop", "kpop", "rpop", "sdps", "odmr" };
    private static readonly string[] s_prefixes = { "local", "pop", "imap" };

    /// <summary>
    /// Returns whether <paramref name="protocol"/> names a way of receiving mail that records no
    /// network handover from an SMTP client.
    /// </summary>
    /// <remarks>
    /// Only the first word counts, up to a '/' (Cisco IronPort writes <c>ESMTP/TLS/...</c>).
    /// Unknown names and a missing <c>with</c> clause count as a network handover, so that an
    /// unfamiliar line ends the walk instead of being passed over.
    /// </remarks>
    public static bool IsWithoutHandover(string? protocol)
    {
        if (string.IsNullOrEmpty(protocol))
        {
            return false;
        }

        string name = FirstName(protocol!);
        foreach (string exact in s_exactNames)
        {
            if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string prefix in s_prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstName(string protocol)
    {
        int end = 0;
        while (end < protocol.Length && protocol[end] != ' ' && protocol[end] != '/')
        {
            end++;
        }

        return protocol.Substring(0, end);
    }
}
