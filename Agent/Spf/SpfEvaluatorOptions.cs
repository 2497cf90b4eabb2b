using System;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Settings of an <see cref="SpfEvaluator"/>. Instances are immutable after construction and safe to share.
/// </summary>
public sealed class SpfEvaluatorOptions
{
    /// <summary>The options with every default.</summary>
    public static SpfEvaluatorOptions Default { get; } = new();

    /// <summary>
    /// The maximum elapsed time of one evaluation, 20 seconds by default; when it runs out the result is temperror
    /// (RFC 7208 §4.6.4). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables the limit.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(SpfLimits.DefaultTimeBudgetSeconds);

    /// <summary>
    /// The receiving host's domain name, the value of the %{r} macro in explanations (RFC 7208 §7.2).
    /// </summary>
    public string ReceiverName { get; init; } = "unknown";

    /// <summary>
    /// The explanation of a fail result when the failing domain has no usable exp= modifier, or null for none.
    /// </summary>
    public string? DefaultExplanation { get; init; }

    /// <summary>True to record a term-by-term <see cref="SpfCheckResult.Trace"/>.</summary>
    public bool EnableTrace { get; init; }
}
