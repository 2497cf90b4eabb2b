using System;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Configuration;

/// <summary>One action per SPF result for one identity.</summary>
public sealed class ResultActions
{
    public SpfAction Pass { get; init; } = SpfAction.Stamp;

    public SpfAction Fail { get; init; } = SpfAction.Stamp;

    public SpfAction SoftFail { get; init; } = SpfAction.Stamp;

    public SpfAction Neutral { get; init; } = SpfAction.Stamp;

    public SpfAction None { get; init; } = SpfAction.Stamp;

    public SpfAction TempError { get; init; } = SpfAction.Stamp;

    public SpfAction PermError { get; init; } = SpfAction.Stamp;

    /// <summary>Returns the action for <paramref name="result"/>.</summary>
    public SpfAction For(SpfResult result) => result switch
    {
        SpfResult.Pass => Pass,
        SpfResult.Fail => Fail,
        SpfResult.SoftFail => SoftFail,
        SpfResult.Neutral => Neutral,
        SpfResult.None => None,
        SpfResult.TempError => TempError,
        SpfResult.PermError => PermError,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown SPF result."),
    };
}
