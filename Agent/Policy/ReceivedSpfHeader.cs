using System.Text;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// Formats the value of a Received-SPF header (RFC 7208 §9.1).
/// </summary>
public static class ReceivedSpfHeader
{
    public const string Name = "Received-SPF";

    /// <summary>Returns the header value: result, comment, then key=value pairs.</summary>
    public static string Format(SpfCheckResult result, string clientIp, string helo, string mailFrom, string receiver)
    {
        // RFC 7208 §9.1: result FWS [comment FWS] [key-value-list]; keys client-ip, envelope-from,
        // helo, problem, receiver, identity, mechanism.
        StringBuilder builder = StringBuilderCache.Acquire();
        builder.Append(SpfResultNames.ToRfcName(result.Result)).Append(" (");
        AppendComment(builder, result, clientIp, receiver);
        builder.Append(") ");
        AppendPair(builder, "client-ip=", clientIp);
        AppendPair(builder, " envelope-from=", mailFrom.Length == 0 ? "<>" : mailFrom);
        AppendPair(builder, " helo=", helo);
        AppendPair(builder, " receiver=", receiver);
        builder.Append(result.Identity == SpfIdentity.Helo ? " identity=helo;" : " identity=mailfrom;");
        if (result.Mechanism != null)
        {
            AppendPair(builder, " mechanism=", result.Mechanism);
        }

        if (result.Problem != null && result.Result is SpfResult.PermError or SpfResult.TempError or SpfResult.None)
        {
            AppendPair(builder, " problem=", result.Problem);
        }

        return StringBuilderCache.ToStringAndRelease(builder);
    }

    private static void AppendPair(StringBuilder builder, string key, string value) =>
        HeaderSyntax.AppendAtomOrQuoted(builder.Append(key), value).Append(';');

    // The comment reads as the receiver's statement about the domain and the client address.
    private static void AppendComment(StringBuilder builder, SpfCheckResult result, string clientIp, string receiver)
    {
        HeaderSyntax.AppendCommentText(builder, receiver).Append(": ");
        string statement = result.Result switch
        {
            SpfResult.Pass => "{domain} designates {ip} as permitted sender",
            SpfResult.Fail => "{domain} does not designate {ip} as permitted sender",
            SpfResult.SoftFail => "{domain} discourages use of {ip} as permitted sender",
            SpfResult.Neutral => "{ip} is neither permitted nor denied by {domain}",
            SpfResult.None => "{domain} does not publish SPF for {ip}",
            SpfResult.TempError => "error in processing during lookup of {domain}",
            _ => "the SPF record of {domain} is invalid",
        };

        int position = 0;
        while (position < statement.Length)
        {
            int open = statement.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(statement, position, statement.Length - position);
                break;
            }

            builder.Append(statement, position, open - position);
            int close = statement.IndexOf('}', open);
            if (string.CompareOrdinal(statement, open, "{ip}", 0, close - open + 1) == 0)
            {
                HeaderSyntax.AppendCommentText(builder, clientIp);
            }
            else if (result.Domain.Length == 0)
            {
                builder.Append("the sender");
            }
            else
            {
                HeaderSyntax.AppendCommentText(builder.Append("domain of "), result.Sender);
            }

            position = close + 1;
        }
    }
}
