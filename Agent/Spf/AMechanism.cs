
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the a mechanism (RFC 7208 §5.3).
/// </summary>
internal static class AMechanism
{
    public static async SpfTask<TermOutcome> EvaluateAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string domain,
        int depth)
    {
        string? host = await context.ExpandTargetAsync(mechanism.Target, domain);
        if (host is null)
        {
            context.AddTrace(depth, domain, mechanism.Text, "the target is not a valid domain name");
            return TermOutcome.NoMatch;
        }

        (TermOutcome outcome, bool isVoid) = await AddressRecords.MatchAsync(context, mechanism, host, depth, domain);
        if (isVoid && !context.TryCountVoidLookup())
        {
            return SpfEvaluationContext.VoidLimitExceeded($"The term '{mechanism.Text}'");
        }

        return outcome;
    }
}
