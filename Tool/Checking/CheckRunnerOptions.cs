namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>The options of <c>check</c> that change how requests are evaluated.</summary>
internal sealed class CheckRunnerOptions
{
    /// <summary>Record every term of each evaluation.</summary>
    public bool Trace { get; init; }

    /// <summary>Start each request with an empty DNS cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>The explanation of a fail result when the failing domain has no usable exp= modifier.</summary>
    public string? DefaultExplanation { get; init; }
}
