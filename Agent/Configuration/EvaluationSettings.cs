using System;

namespace ExchangeSpfAgent.Configuration;

/// <summary>How SPF is evaluated.</summary>
public sealed class EvaluationSettings
{
    /// <summary>Check the HELO identity before MAIL FROM when a HELO name is known.</summary>
    public bool CheckHelo { get; init; } = true;

    /// <summary>
    /// The time one SPF evaluation may take; past it the result is temperror. RFC 7208 §4.6.4
    /// suggests at least 20 seconds.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The receiving host name for the %{r} macro and the headers; null uses the Exchange server's name.</summary>
    public string? ReceiverName { get; init; }
}
