
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Counts DNS terms and dispatches each mechanism to the unit that evaluates its kind.
/// </summary>
internal static class MechanismDispatcher
{
    public static async SpfTask<TermOutcome> EvaluateAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string domain,
        int depth,
        CheckHostProcedure procedure)
    {
        // RFC 7208 §4.6.4: the DNS term limit is checked as terms are evaluated, before their queries.
        if (mechanism.QueriesDns && !context.TryCountDnsTerm())
        {
            return DnsTermLimitExceeded(mechanism.Text);
        }

        return mechanism.Kind switch
        {
            SpfMechanismKind.All => TermOutcome.Match,
            SpfMechanismKind.Ip4 or SpfMechanismKind.Ip6 => IpMechanism.Evaluate(context, mechanism),
            SpfMechanismKind.A =>
                await AMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Mx =>
                await MxMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Ptr =>
                await PtrMechanism.EvaluateAsync(context, mechanism, domain, depth),
            SpfMechanismKind.Exists =>
                await ExistsMechanism.EvaluateAsync(context, mechanism, domain, depth),
            _ => await IncludeMechanism.EvaluateAsync(context, mechanism, domain, depth, procedure)
                ,
        };
    }

    /// <summary>The permerror outcome for the term after the last one the DNS term limit allows.</summary>
    public static TermOutcome DnsTermLimitExceeded(string term) => TermOutcome.PermError(
        $"The term '{term}' would exceed the limit of {SpfLimits.MaxDnsTerms} terms that query DNS.");
}
