using System;
using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// What the TCP-info comment of a <c>from</c> clause records: addresses, the reverse DNS name and
/// Exim's <c>helo=</c>, <c>port=</c> and <c>ident=</c> fields.
/// </summary>
internal sealed class ReceivedTcpInfo
{
    private const string EximHeloKey = "helo";
    private static readonly string[] s_eximKeys = { EximHeloKey, "port", "ident" };

    private ReceivedTcpInfo()
    {
    }

    /// <summary>Gets the distinct addresses in the comment, in order.</summary>
    public List<IPAddress> Addresses { get; } = new List<IPAddress>();

    /// <summary>Gets the first word that is neither an address nor an Exim field, without a user part.</summary>
    public string? ReverseDnsName { get; private set; }

    /// <summary>Gets the value of Exim's <c>helo=</c> field.</summary>
    public string? EximHelo { get; private set; }

    /// <summary>Gets whether every word is an Exim field, which is also true when there is no comment.</summary>
    public bool HasOnlyEximKeys { get; private set; } = true;

    /// <summary>Gets the first word in square brackets that is not a valid address literal.</summary>
    public string? InvalidLiteral { get; private set; }

    /// <summary>Reads the words of <paramref name="comment"/>, or returns an empty result for null.</summary>
    public static ReceivedTcpInfo Read(ReceivedComment? comment)
    {
        var info = new ReceivedTcpInfo();
        foreach (string word in comment?.Words ?? Array.Empty<string>())
        {
            if (TrySplitEximKey(word, out string key, out string value))
            {
                if (string.Equals(key, EximHeloKey, StringComparison.OrdinalIgnoreCase))
                {
                    info.EximHelo = value;
                }

                continue;
            }

            info.HasOnlyEximKeys = false;
            if (TryReadAddressWord(word, out IPAddress? address, out bool looksLikeLiteral))
            {
                if (!info.Addresses.Contains(address!))
                {
                    info.Addresses.Add(address!);
                }
            }
            else if (looksLikeLiteral)
            {
                info.InvalidLiteral ??= word;
            }
            else
            {
                info.ReverseDnsName ??= StripUserPart(word);
            }
        }

        return info;
    }

    /// <summary>
    /// Reads <c>[literal]</c>, <c>[literal]:port</c>, a bare address, or <c>user@address</c>. A word
    /// that starts with '[' but is not a valid literal sets <paramref name="looksLikeLiteral"/>.
    /// </summary>
    public static bool TryReadAddressWord(string word, out IPAddress? address, out bool looksLikeLiteral)
    {
        address = null;
        string candidate = StripUserPart(word);
        looksLikeLiteral = candidate.StartsWith("[", StringComparison.Ordinal);
        if (looksLikeLiteral)
        {
            int close = candidate.IndexOf(']');
            if (close < 0 || !IsPortSuffix(candidate, close + 1))
            {
                return false;
            }

            candidate = candidate.Substring(0, close + 1);
        }

        return IPAddressSyntax.TryParseLiteral(candidate, out address);
    }

    private static bool TrySplitEximKey(string word, out string key, out string value)
    {
        int equals = word.IndexOf('=');
        key = equals > 0 ? word.Substring(0, equals) : string.Empty;
        value = equals > 0 ? word.Substring(equals + 1) : string.Empty;
        foreach (string eximKey in s_eximKeys)
        {
            if (string.Equals(key, eximKey, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPortSuffix(string word, int start)
    {
        if (start == word.Length)
        {
            return true;
        }

        if (word[start] != ':' || start + 1 == word.Length)
        {
            return false;
        }

        for (int index = start + 1; index < word.Length; index++)
        {
            if (!IPAddressSyntax.IsDigit(word[index]))
            {
                return false;
            }
        }

        return true;
    }

    private static string StripUserPart(string word)
    {
        int at = word.LastIndexOf('@');
        return at >= 0 ? word.Substring(at + 1) : word;
    }
}
