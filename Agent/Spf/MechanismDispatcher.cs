namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Counts DNS terms and dispatches each mechanism to the unit that evaluates its kind.
/// </summary>
internal static class MechanismDispatcher
{
    // Not async: each mechanism's own task is returned as it is, which saves a state machine per term.
    public static SpfTask<TermOutcome> EvaluateAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string domain,
        int depth,
        CheckHostProcedure procedure)
    {
        // RFC 7208 §4.6.4: the DNS term limit is checked as terms are evaluated, before their queries.
        if (mechanism.QueriesDns && !context.TryCountDnsTerm())
        {
            return new SpfTask<TermOutcome>(DnsTermLimitExceeded(mechanism.Text));
        }

        return mechanism.Kind switch
        {
            SpfMechanismKind.All => new SpfTask<TermOutcome>(TermOutcome.Match),
            SpfMechanismKind.Ip4 or SpfMechanismKind.Ip6 => new SpfTask<TermOutcome>(IpMechanism.Evaluate(context, mechanism)),
            SpfMechanismKind.A => AMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Mx => MxMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Ptr => PtrMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Exists => ExistsMechanism.EvaluateAsync(context, mechanism, domain, depth),
            _ => IncludeMechanism.EvaluateAsync(context, mechanism, domain, depth, procedure),
        };
    }

    /// <summary>The permerror outcome for the term after the last one the DNS term limit allows.</summary>
    public static TermOutcome DnsTermLimitExceeded(string term) => TermOutcome.PermError(
        $"The term '{term}' would exceed the limit of {SpfLimits.MaxDnsTerms} terms that query DNS.");
}
