using System.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>The short texts that both replay outputs show for a decision.</summary>
internal static class ReplayText
{
    /// <summary>The reply sent to the SMTP client: the reject or defer reply, 250 for a discard, or null.</summary>
    public static string? Response(MessageDecision decision) => decision.Action switch
    {
        SpfAction.Reject or SpfAction.Defer => decision.Reply?.ToString(),

        // The agent discards with a 250 reply, so the forged sender gets no bounce.
        SpfAction.Discard => "250 2.6.0 (discarded)",
        _ => null,
    };

    /// <summary>The action applied, with the configured one when log-only mode or a bypass list changed it.</summary>
    public static string Action(MessageDecision decision) =>
        decision.Action == decision.ConfiguredAction
            ? decision.Action.ToString()
            : $"{decision.Action} (configured {decision.ConfiguredAction})";

    /// <summary>The results of the identities checked, such as <c>helo=none mailfrom=pass</c>.</summary>
    public static string Results(MessageDecision decision) =>
        decision.Results.Count == 0
            ? (decision.Result is null ? "not checked" : "none (" + (decision.Origin?.Status.ToString() ?? "no origin") + ")")
            : string.Join(" ", decision.Results.Select(r => Identity(r.Identity) + "=" + SpfResultNames.ToRfcName(r.Result)));

    /// <summary>The identity name of Received-SPF (RFC 7208 §9.1).</summary>
    public static string Identity(SpfIdentity identity) => identity == SpfIdentity.Helo ? "helo" : "mailfrom";
}
