using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Reads one <c>Received</c> header value into a <see cref="ReceivedHop"/>.
/// </summary>
/// <remarks>
/// <para>
/// The formats follow what Exchange, Postfix, Sendmail, Exim, qmail, fetchmail, Google,
/// Microsoft 365 and the common filtering appliances write, which stretch the RFC 5321 §4.4
/// grammar: Exchange writes <c>with Microsoft SMTP Server</c>, Postfix puts TLS comments before
/// <c>by</c>, Exim adds a <c>tls</c> clause, qmail writes lines that are only a comment. See
/// <see cref="ReceivedFromClause"/> for where the sending address may stand.
/// </para>
/// <para>
/// A line without a <c>from</c> clause, a <c>from</c> line whose protocol is local, MAPI, HTTP,
/// POP or IMAP, and a qmail <c>(qmail 1234 invoked ...)</c> line are parsed as lines without a
/// network handover. A <c>from</c> line with any other protocol, or none, must yield exactly one
/// sending address or it is unparseable.
/// </para>
/// <para>
/// Only the <c>from</c> clause must be well-formed. After it, the parser reads the <c>by</c> host
/// and the <c>with</c> protocol as far as it can, because the clauses after them (<c>id</c>,
/// <c>for</c>) may carry sender-chosen text and play no part in the origin.
/// </para>
/// </remarks>
public static class ReceivedHeaderParser
{
    /// <summary>The maximum length, in characters, of a value that is parsed.</summary>
    /// <remarks>
    /// An estimate with a wide margin: the longest lines that MTAs write, Postfix's with TLS details
    /// and a HELO at the 512-octet SMTP command limit (RFC 5321 §4.5.3.1.4), stay under 1,500.
    /// </remarks>
    public const int MaxValueLength = 4096;

    private const string FromKeyword = "from";
    private const string ByKeyword = "by";
    private const string WithKeyword = "with";
    private static readonly string[] s_clauseKeywords = { FromKeyword, ByKeyword, "via", WithKeyword, "id", "for" };

    /// <summary>Parses <paramref name="value"/>, and reports a malformed value as an unparseable hop instead of throwing.</summary>
    public static ReceivedHop Parse(string? value)
    {
        string text = value is null ? string.Empty : HeaderText.Unfold(value).Trim();
        if (text.Length == 0)
        {
            return Unparseable(text, "The Received header is empty.");
        }

        if (text.Length > MaxValueLength)
        {
            return Unparseable(text, "The Received header is longer than "
                + MaxValueLength.ToString(CultureInfo.InvariantCulture) + " characters.");
        }

        // RFC 5322 §3.6.7: the date-time follows the last ';', and contains none itself.
        int dateSeparator = text.LastIndexOf(';');
        var reader = new ReceivedTokenReader(dateSeparator < 0 ? text : text.Substring(0, dateSeparator));

        var leadingComments = new List<ReceivedComment>();
        while (!reader.AtEnd && reader.Current == '(')
        {
            if (!reader.TryReadComment(out ReceivedComment? comment))
            {
                return Unparseable(text, "The Received header has a comment that is not closed.");
            }

            leadingComments.Add(comment!);
        }

        if (reader.AtEnd)
        {
            return leadingComments.Any(IsQmailInvokedComment)
                ? new ReceivedHop(text, ReceivedParseStatus.Parsed, null)
                : Unparseable(text, "The Received header has no 'from' or 'by' clause.");
        }

        int clauseStart = reader.Position;
        if (!reader.TryReadToken(out string first))
        {
            return Unparseable(text, "The Received header has a bracket, angle bracket or quote that is not closed.");
        }

        ReceivedFromClause? from = null;
        if (IsKeyword(first, FromKeyword))
        {
            if (!TryReadFromClause(reader, out from, out string? failureReason))
            {
                return Unparseable(text, failureReason!);
            }
        }
        else if (s_clauseKeywords.Any(keyword => IsKeyword(first, keyword)))
        {
            reader.Position = clauseStart;
        }
        else
        {
            return Unparseable(text, $"The Received header starts with '{HeaderText.Excerpt(first)}' instead of a "
                + "'from' or 'by' clause.");
        }

        var hop = new ReceivedHop(text, ReceivedParseStatus.Parsed, null);
        ReadLaterClauses(reader, hop);
        from?.Resolve(hop, !ReceivedProtocol.IsWithoutHandover(hop.Protocol));
        return hop;
    }

    private static bool TryReadFromClause(
        ReceivedTokenReader reader, out ReceivedFromClause? from, out string? failureReason)
    {
        from = null;
        if (reader.AtEnd)
        {
            failureReason = "The 'from' clause of the Received header is empty.";
            return false;
        }

        var clause = new ReceivedFromClause(reader.ReadRawWord());
        while (!reader.AtEnd)
        {
            if (reader.Current == '(')
            {
                if (!reader.TryReadComment(out ReceivedComment? comment))
                {
                    failureReason = "The 'from' clause of the Received header has a comment that is not closed.";
                    return false;
                }

                clause.Comments.Add(comment!);
                continue;
            }

            int tokenStart = reader.Position;
            if (!reader.TryReadToken(out string token))
            {
                failureReason = "The 'from' clause of the Received header has a bracket, angle bracket or quote "
                    + "that is not closed.";
                return false;
            }

            if (s_clauseKeywords.Any(keyword => IsKeyword(token, keyword)))
            {
                reader.Position = tokenStart;
                break;
            }

            clause.ExtraTokens.Add(token);
        }

        from = clause;
        failureReason = null;
        return true;
    }

    // Reads the by host and the with protocol, and stops quietly at anything it cannot read.
    private static void ReadLaterClauses(ReceivedTokenReader reader, ReceivedHop hop)
    {
        string? clause = null;
        var protocolWords = new List<string>();
        bool protocolOpen = false;
        while (!reader.AtEnd)
        {
            if (reader.Current == '(')
            {
                if (!reader.TryReadComment(out _))
                {
                    break;
                }

                protocolOpen = false;
                continue;
            }

            if (!reader.TryReadToken(out string token))
            {
                break;
            }

            string? keyword = s_clauseKeywords.FirstOrDefault(candidate => IsKeyword(token, candidate));
            if (keyword is not null && keyword != FromKeyword)
            {
                clause = keyword;
                protocolOpen = keyword == WithKeyword && protocolWords.Count == 0;
                continue;
            }

            if (clause == ByKeyword && hop.ReceivingHost is null)
            {
                hop.ReceivingHost = token;
            }
            else if (protocolOpen)
            {
                protocolWords.Add(token);
            }
        }

        if (protocolWords.Count > 0)
        {
            hop.Protocol = string.Join(" ", protocolWords);
        }
    }

    // qmail-queue writes "(qmail 1234 invoked by uid 89)", "(qmail 1234 invoked from network)"
    // and similar lines, which record a process start and no handover.
    private static bool IsQmailInvokedComment(ReceivedComment comment) =>
        comment.Words.Count >= 3
        && string.Equals(comment.Words[0], "qmail", StringComparison.OrdinalIgnoreCase)
        && comment.Words[1].All(IPAddressSyntax.IsDigit)
        && string.Equals(comment.Words[2], "invoked", StringComparison.OrdinalIgnoreCase);

    private static bool IsKeyword(string token, string keyword) =>
        string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

    private static ReceivedHop Unparseable(string text, string reason)
    {
        var hop = new ReceivedHop(text, ReceivedParseStatus.Parsed, null);
        hop.MarkUnparseable(reason);
        return hop;
    }
}
