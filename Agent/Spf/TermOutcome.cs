namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The outcome of evaluating one mechanism: match, no match, or an error that ends <c>check_host()</c>.
/// </summary>
internal readonly struct TermOutcome
{
    private TermOutcome(TermOutcomeKind kind, string? problem)
    {
        Kind = kind;
        Problem = problem;
    }

    public static TermOutcome Match { get; } = new(TermOutcomeKind.Match, null);

    public static TermOutcome NoMatch { get; } = new(TermOutcomeKind.NoMatch, null);

    public TermOutcomeKind Kind { get; }

    /// <summary>Why the evaluation failed, for the two error kinds.</summary>
    public string? Problem { get; }

    public bool IsError => Kind is TermOutcomeKind.PermError or TermOutcomeKind.TempError;

    public static TermOutcome PermError(string problem) => new(TermOutcomeKind.PermError, problem);

    public static TermOutcome TempError(string problem) => new(TermOutcomeKind.TempError, problem);

    public static TermOutcome FromMatch(bool matched) => matched ? Match : NoMatch;

    /// <summary>Converts an error outcome to the SPF result it produces.</summary>
    public SpfResult ErrorResult => Kind == TermOutcomeKind.TempError ? SpfResult.TempError : SpfResult.PermError;

    /// <inheritdoc/>
    public override string ToString() => Problem is null ? Kind.ToString() : $"{Kind}: {Problem}";
}
