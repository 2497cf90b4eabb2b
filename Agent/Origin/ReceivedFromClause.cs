using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The <c>from</c> clause of a <c>Received</c> header, and the rules that find the sending
/// address, HELO name and reverse DNS name in it.
/// </summary>
/// <remarks>
/// <para>
/// RFC 5321 §4.4 writes the clause as the HELO argument followed by a TCP-info comment that
/// holds the address the connection came from, optionally after the reverse DNS name. MTAs write
/// that comment in several ways, all accepted here: <c>(rdns [192.0.2.1])</c> (Postfix, Sendmail,
/// Google, most appliances), <c>([192.0.2.1])</c>, <c>(192.0.2.1)</c> (Exchange, qmail),
/// <c>(user@192.0.2.1)</c> (qmail with ident), and <c>(rdns [192.0.2.1] helo=name)</c> (Exim).
/// qmail and Cisco IronPort put the HELO in a comment of its own, <c>(HELO name)</c>, before the
/// TCP-info comment. Only the first other comment is read as TCP-info, because Postfix follows it
/// with free-text comments about TLS.
/// </para>
/// <para>
/// An address literal used as the HELO argument (<c>from [192.0.2.1] ([198.51.100.7])</c>) is
/// client-chosen text, not the sending address. The name itself is taken as the sending address
/// only in Exim's form, <c>from [192.0.2.1]</c> alone or followed by <c>(helo=...)</c> or
/// <c>(port=... helo=...)</c>: RFC 5321 requires TCP-info after an address literal, so a literal
/// with nothing else is Exim's way of writing the connecting address. When the only address on
/// the line is a HELO argument (<c>from 192.0.2.1 by ...</c>, <c>(helo=[192.0.2.1])</c>), the
/// line cannot be trusted and is reported as unparseable.
/// </para>
/// </remarks>
internal sealed class ReceivedFromClause
{
    private const string UnknownName = "unknown";
    private const string HeloWord = "HELO";
    private static readonly string[] s_eximKeys = { "helo", "port", "ident" };

    public ReceivedFromClause(string name)
    {
        Name = name;
    }

    /// <summary>Gets the word after <c>from</c>, normally the HELO argument.</summary>
    public string Name { get; }

    /// <summary>Gets the comments between the name and the next clause.</summary>
    public List<ReceivedComment> Comments { get; } = new List<ReceivedComment>();

    /// <summary>Gets other tokens before the next clause, such as fetchmail's <c>[192.0.2.1]</c>.</summary>
    public List<string> ExtraTokens { get; } = new List<string>();

    /// <summary>
    /// Sets the address, HELO and reverse DNS name on <paramref name="hop"/>, or marks it
    /// unparseable. A line without a network handover is never marked unparseable here.
    /// </summary>
    public void Resolve(ReceivedHop hop, bool isNetworkHandover)
    {
        ReceivedComment? heloComment = Comments.FirstOrDefault(IsHeloComment);
        ReceivedComment? tcpInfo = Comments.FirstOrDefault(comment => !IsHeloComment(comment));

        string? eximHelo = null;
        bool onlyEximKeys = true;
        string? reverseName = null;
        var candidates = new List<IPAddress>();
        string? invalidLiteral = null;
        foreach (string word in tcpInfo?.Words ?? Array.Empty<string>())
        {
            if (TrySplitEximKey(word, out string key, out string value))
            {
                if (string.Equals(key, "helo", StringComparison.OrdinalIgnoreCase))
                {
                    eximHelo = value;
                }

                continue;
            }

            onlyEximKeys = false;
            if (TryReadAddressWord(word, out IPAddress? address, out bool looksLikeLiteral))
            {
                AddCandidate(candidates, address!);
            }
            else if (looksLikeLiteral)
            {
                invalidLiteral ??= word;
            }
            else
            {
                reverseName ??= StripUserPart(word);
            }
        }

        foreach (string token in ExtraTokens)
        {
            if (TryReadAddressWord(token, out IPAddress? address, out _))
            {
                AddCandidate(candidates, address!);
            }
        }

        hop.IsNetworkHandover = isNetworkHandover;
        hop.ReverseDnsName = reverseName;
        hop.Helo = Name;
        if (heloComment is not null)
        {
            // qmail and IronPort: the name is the reverse DNS name, the comment holds the HELO.
            hop.Helo = heloComment.Words[1];
            hop.ReverseDnsName = Name;
        }
        else if (eximHelo is not null)
        {
            hop.Helo = eximHelo;
            hop.ReverseDnsName = Name;
        }

        bool nameIsLiteral = Name.StartsWith("[", StringComparison.Ordinal);
        bool nameIsSendingAddress = candidates.Count == 0
            && nameIsLiteral
            && heloComment is null
            && (tcpInfo is null || onlyEximKeys);
        if (nameIsSendingAddress && TryReadAddressWord(Name, out IPAddress? nameAddress, out _))
        {
            candidates.Add(nameAddress!);
            hop.ReverseDnsName = null;
            if (eximHelo is null)
            {
                hop.Helo = null;
            }
        }

        if (string.Equals(hop.ReverseDnsName, UnknownName, StringComparison.OrdinalIgnoreCase))
        {
            hop.ReverseDnsName = null;
        }

        if (candidates.Count == 1 && invalidLiteral is null)
        {
            hop.SendingAddress = candidates[0];
            return;
        }

        if (!isNetworkHandover)
        {
            return;
        }

        hop.MarkUnparseable(DescribeFailure(candidates.Count, invalidLiteral));
    }

    private string DescribeFailure(int candidateCount, string? invalidLiteral)
    {
        if (invalidLiteral is not null)
        {
            return $"The 'from' clause holds '{HeaderText.Excerpt(invalidLiteral)}', which is not a valid address.";
        }

        if (candidateCount > 1)
        {
            return "The 'from' clause records more than one sending address.";
        }

        bool nameIsAddress = TryReadAddressWord(Name, out _, out bool looksLikeLiteral) || looksLikeLiteral;
        if (nameIsAddress)
        {
            return $"The 'from' clause records only the HELO argument '{HeaderText.Excerpt(Name)}', which is not "
                + "evidence of the sending address.";
        }

        return "The 'from' clause records no sending address.";
    }

    private static void AddCandidate(List<IPAddress> candidates, IPAddress address)
    {
        if (!candidates.Contains(address))
        {
            candidates.Add(address);
        }
    }

    private static bool IsHeloComment(ReceivedComment comment) =>
        comment.Words.Count == 2 && string.Equals(comment.Words[0], HeloWord, StringComparison.OrdinalIgnoreCase);

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

    // Reads "[literal]", "[literal]:port", a bare address, or "user@address". A word that starts
    // with '[' but is not a valid literal sets looksLikeLiteral, so the caller can reject it.
    private static bool TryReadAddressWord(string word, out IPAddress? address, out bool looksLikeLiteral)
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
