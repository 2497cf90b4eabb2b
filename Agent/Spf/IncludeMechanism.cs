
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates the include mechanism (RFC 7208 §5.2).
/// </summary>
internal static class IncludeMechanism
{
    public static async SpfTask<TermOutcome> EvaluateAsync(
        SpfEvaluationContext context,
        SpfMechanism mechanism,
        string domain,
        int depth,
        CheckHostProcedure procedure)
    {
        string? target = await context.ExpandTargetAsync(mechanism.Target, domain);
        if (target is null)
        {
            return TermOutcome.PermError($"The target of '{mechanism.Text}' is not a valid domain name.");
        }

        // RFC 7208 §5.2: the nested check's explanation is never used, so it is not computed.
        HostResult nested = await procedure.RunAsync(target, depth + 1, computeExplanation: false);

        // RFC 7208 §5.2: pass matches; fail, softfail and neutral do not; errors propagate; none is permerror.
        return nested.Result switch
        {
            SpfResult.Pass => TermOutcome.Match,
            SpfResult.Fail or SpfResult.SoftFail or SpfResult.Neutral => TermOutcome.NoMatch,
            SpfResult.TempError =>
                TermOutcome.TempError(nested.Problem ?? $"The check of {target} failed temporarily."),
            SpfResult.None => TermOutcome.PermError($"The included domain {target} has no SPF record."),
            _ => TermOutcome.PermError(nested.Problem ?? $"The check of {target} failed permanently."),
        };
    }
}
