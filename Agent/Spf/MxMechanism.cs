namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the mx mechanism (RFC 7208 §5.4).
/// </summary>
internal static class MxMechanism
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

        DnsLookupResult answer = await context.LookupAsync(target, DnsQueryType.Mx);
        if (answer.Status == DnsResponseStatus.TemporaryFailure)
        {
            return TermOutcome.TempError($"The MX lookup for {target} failed ({answer.FailureReason}).");
        }

        if (answer.Status != DnsResponseStatus.Answer)
        {
            // RFC 7208 §5.4: without MX records the mechanism does not match; no implicit A lookup.
            context.AddTrace(depth, domain, mechanism.Text, $"{target} has no MX records");
            return context.TryCountVoidLookup()
                ? TermOutcome.NoMatch
                : SpfEvaluationContext.VoidLimitExceeded($"The term '{mechanism.Text}'");
        }

        if (answer.Strings.Count > SpfLimits.MaxMxNames)
        {
            // RFC 7208 §4.6.4: an mx term that would look up more than 10 hosts is permerror.
            return TermOutcome.PermError(
                $"The MX lookup for {target} returned {answer.Strings.Count} names, "
                + $"but at most {SpfLimits.MaxMxNames} are allowed.");
        }

        for (int index = 0; index < answer.Strings.Count; index++)
        {
            string exchange = DomainNames.TrimTrailingDot(answer.Strings[index]);

            // RFC 7505 §3: a null MX (exchange ".") names no host; an invalid name cannot be queried.
            if (!DomainNames.TryNormalizeTargetName(exchange, out string host))
            {
                continue;
            }

            (TermOutcome outcome, _) = await AddressRecords.MatchAsync(context, mechanism, host, depth, domain);
            if (outcome.Kind != TermOutcomeKind.NoMatch)
            {
                return outcome;
            }
        }

        return TermOutcome.NoMatch;
    }
}
