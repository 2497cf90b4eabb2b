using System;
using System.Collections.Generic;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The outcome of one SPF check: the result of <c>check_host()</c> and how it was reached.
/// </summary>
public sealed class SpfCheckResult
{
    private static readonly IReadOnlyList<SpfTraceEntry> s_noTrace = Array.Empty<SpfTraceEntry>();

    /// <summary>The result (RFC 7208 §2.6).</summary>
    public SpfResult Result { get; init; }

    /// <summary>The identity that was checked.</summary>
    public SpfIdentity Identity { get; init; }

    /// <summary>The sender checked, such as "user@example.com" or "postmaster@mail.example.com".</summary>
    public string Sender { get; init; } = "";

    /// <summary>The domain whose policy was checked first.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The directive that decided the result, as written, or null when none matched.</summary>
    public string? Mechanism { get; init; }

    /// <summary>The expanded explanation of a fail result (RFC 7208 §6.2), or null.</summary>
    public string? Explanation { get; init; }

    /// <summary>Why the result is none, permerror or temperror, as a sentence; otherwise null.</summary>
    public string? Problem { get; init; }

    /// <summary>How many terms that query DNS were evaluated (at most <see cref="SpfLimits.MaxDnsTerms"/>).</summary>
    public int DnsTermCount { get; init; }

    /// <summary>
    /// How many terms had only void lookups; one more than <see cref="SpfLimits.MaxVoidLookups"/> when that
    /// limit ended the evaluation.
    /// </summary>
    public int VoidLookupCount { get; init; }

    /// <summary>How many DNS lookups were sent to the resolver.</summary>
    public int DnsQueryCount { get; init; }

    /// <summary>How many of those lookups the resolver served from its cache.</summary>
    public int CacheHitCount { get; init; }

    /// <summary>The elapsed time of the evaluation.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The steps of the evaluation, empty unless <see cref="SpfEvaluatorOptions.EnableTrace"/> is set.
    /// </summary>
    public IReadOnlyList<SpfTraceEntry> Trace { get; init; } = s_noTrace;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{SpfResultNames.ToRfcName(Result)} ({Identity} {Sender}, {Mechanism ?? Problem ?? "default"})";
}
