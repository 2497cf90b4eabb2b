
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the ptr mechanism (RFC 7208 §5.5).
/// </summary>
internal static class PtrMechanism
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

        PtrNames ptr = await ValidatedNames.LookupPtrNamesAsync(context);
        switch (ptr.Status)
        {
            case DnsResponseStatus.TemporaryFailure:
                // RFC 7208 §5.5: a DNS error during the PTR lookup makes the mechanism not match.
                context.AddTrace(
                    depth, domain, mechanism.Text, "the PTR lookup failed, so the mechanism does not match");
                return TermOutcome.NoMatch;
            case DnsResponseStatus.NxDomain:
            case DnsResponseStatus.NoData:
                return context.TryCountVoidLookup()
                    ? TermOutcome.NoMatch
                    : SpfEvaluationContext.VoidLimitExceeded($"The term '{mechanism.Text}'");
        }

        // RFC 7208 §5.5: the mechanism matches when a validated name equals the target or is a subdomain
        // of it. Checking the suffix before validating saves the lookups of names that cannot match.
        foreach (string name in ptr.Names)
        {
            if (DomainNames.IsSameOrSubdomain(name, target)
                && await ValidatedNames.IsValidatedAsync(context, name))
            {
                return TermOutcome.Match;
            }
        }

        return TermOutcome.NoMatch;
    }
}
