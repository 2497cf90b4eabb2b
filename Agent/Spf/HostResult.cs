namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The result of one (possibly nested) <c>check_host()</c> call.
/// </summary>
internal readonly struct HostResult
{
    public HostResult(SpfResult result, string? mechanism, string? problem, string? explanation)
    {
        Result = result;
        Mechanism = mechanism;
        Problem = problem;
        Explanation = explanation;
    }

    public SpfResult Result { get; }

    /// <summary>The deciding directive as written, or null when the default result applied.</summary>
    public string? Mechanism { get; }

    public string? Problem { get; }

    public string? Explanation { get; }

    public static HostResult Error(SpfResult result, string problem) => new(result, null, problem, null);

    public static HostResult FromOutcome(TermOutcome outcome, string? mechanism) =>
        new(outcome.ErrorResult, mechanism, outcome.Problem, null);
}
