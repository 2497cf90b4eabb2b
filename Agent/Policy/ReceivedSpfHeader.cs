using System.Collections.Generic;
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
        string resultName = SpfResultNames.ToRfcName(result.Result);

        // RFC 7208 §9.1: result FWS [comment FWS] [key-value-list]; keys client-ip, envelope-from,
        // helo, problem, receiver, identity, mechanism.
        var pairs = new List<string>
        {
            "client-ip=" + HeaderSyntax.AtomOrQuoted(clientIp),
            "envelope-from=" + HeaderSyntax.AtomOrQuoted(mailFrom.Length == 0 ? "<>" : mailFrom),
            "helo=" + HeaderSyntax.AtomOrQuoted(helo),
            "receiver=" + HeaderSyntax.AtomOrQuoted(receiver),
            "identity=" + (result.Identity == SpfIdentity.Helo ? "helo" : "mailfrom"),
        };
        if (result.Mechanism != null)
        {
            pairs.Add("mechanism=" + HeaderSyntax.AtomOrQuoted(result.Mechanism));
        }

        if (result.Problem != null && result.Result is SpfResult.PermError or SpfResult.TempError or SpfResult.None)
        {
            pairs.Add("problem=" + HeaderSyntax.AtomOrQuoted(result.Problem));
        }

        return resultName + " " + HeaderSyntax.Comment(Comment(result, clientIp, receiver)) + " " + string.Join("; ", pairs) + ";";
    }

    private static string Comment(SpfCheckResult result, string clientIp, string receiver)
    {
        string domain = result.Domain.Length == 0 ? "the sender" : "domain of " + result.Sender;
        return receiver + ": " + result.Result switch
        {
            SpfResult.Pass => $"{domain} designates {clientIp} as permitted sender",
            SpfResult.Fail => $"{domain} does not designate {clientIp} as permitted sender",
            SpfResult.SoftFail => $"{domain} discourages use of {clientIp} as permitted sender",
            SpfResult.Neutral => $"{clientIp} is neither permitted nor denied by {domain}",
            SpfResult.None => $"{domain} does not publish SPF for {clientIp}",
            SpfResult.TempError => $"error in processing during lookup of {domain}",
            _ => $"the SPF record of {domain} is invalid",
        };
    }
}
