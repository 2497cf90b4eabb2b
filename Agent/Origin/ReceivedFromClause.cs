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
/// contains the address the connection came from, optionally after the reverse DNS name. MTAs write
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
        ReceivedTcpInfo tcpInfo = ReceivedTcpInfo.Read(Comments.FirstOrDefault(comment => !IsHeloComment(comment)));
        List<IPAddress> candidates = tcpInfo.Addresses;
        foreach (string token in ExtraTokens)
        {
            if (ReceivedTcpInfo.TryReadAddressWord(token, out IPAddress? address, out _) && !candidates.Contains(address!))
            {
                candidates.Add(address!);
            }
        }

        hop.IsNetworkHandover = isNetworkHandover;
        hop.ReverseDnsName = tcpInfo.ReverseDnsName;
        hop.Helo = Name;
        if (heloComment is not null)
        {
            // qmail and IronPort: the name is the reverse DNS name, the comment contains the HELO.
            hop.Helo = heloComment.Words[1];
            hop.ReverseDnsName = Name;
        }
        else if (tcpInfo.EximHelo is not null)
        {
            hop.Helo = tcpInfo.EximHelo;
            hop.ReverseDnsName = Name;
        }

        bool nameIsSendingAddress = candidates.Count == 0
            && Name.StartsWith("[", StringComparison.Ordinal)
            && heloComment is null
            && tcpInfo.HasOnlyEximKeys;
        if (nameIsSendingAddress && ReceivedTcpInfo.TryReadAddressWord(Name, out IPAddress? nameAddress, out _))
        {
            candidates.Add(nameAddress!);
            hop.ReverseDnsName = null;
            hop.Helo = tcpInfo.EximHelo;
        }

        if (string.Equals(hop.ReverseDnsName, UnknownName, StringComparison.OrdinalIgnoreCase))
        {
            hop.ReverseDnsName = null;
        }

        if (candidates.Count == 1 && tcpInfo.InvalidLiteral is null)
        {
            hop.SendingAddress = candidates[0];
        }
        else if (isNetworkHandover)
        {
            hop.MarkUnparseable(DescribeFailure(candidates.Count, tcpInfo.InvalidLiteral));
        }
    }

    private string DescribeFailure(int candidateCount, string? invalidLiteral)
    {
        if (invalidLiteral is not null)
        {
            return $"The 'from' clause contains '{HeaderText.Excerpt(invalidLiteral)}', which is not a valid address.";
        }

        if (candidateCount > 1)
        {
            return "The 'from' clause records more than one sending address.";
        }

        bool nameIsAddress = ReceivedTcpInfo.TryReadAddressWord(Name, out _, out bool looksLikeLiteral) || looksLikeLiteral;
        if (nameIsAddress)
        {
            return $"The 'from' clause records only the HELO argument '{HeaderText.Excerpt(Name)}', which is not "
                + "evidence of the sending address.";
        }

        return "The 'from' clause records no sending address.";
    }

    private static bool IsHeloComment(ReceivedComment comment) =>
        comment.Words.Count == 2 && string.Equals(comment.Words[0], HeloWord, StringComparison.OrdinalIgnoreCase);
}
