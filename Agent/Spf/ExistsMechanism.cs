
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the exists mechanism (RFC 7208 §5.7).
/// </summary>
internal static class ExistsMechanism
{
    public static async SpfTask<TermOutcome> EvaluateAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string domain,
        int depth)
    {
        string? target = await context.ExpandTargetAsync(mechanism.Target, domain);
        if (target is null)
        {
            context.AddTrace(depth, domain, mechanism.Text, "the target is not a valid domain name");
            return TermOutcome.NoMatch;
        }

        // RFC 7208 §5.7: the lookup type is A even for an IPv6 client.
        DnsLookupResult answer = await context.LookupAsync(target, DnsQueryType.A);
        switch (answer.Status)
        {
            case DnsResponseStatus.TemporaryFailure:
                return TermOutcome.TempError($"The A lookup for {target} failed ({answer.FailureReason}).");
            case DnsResponseStatus.NxDomain:
            case DnsResponseStatus.NoData:
                return context.TryCountVoidLookup()
                    ? TermOutcome.NoMatch
                    : SpfEvaluationContext.VoidLimitExceeded($"The term '{mechanism.Text}'");
            default:
                return TermOutcome.Match;
        }
    }
}
