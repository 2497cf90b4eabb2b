namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The kinds of result one origin source can produce.
/// </summary>
internal enum OriginAttemptOutcome
{
    /// <summary>The source produced an address that is not a trusted relay.</summary>
    Found,

    /// <summary>The source has nothing to offer, so the next source is tried.</summary>
    Absent,

    /// <summary>The source named a trusted relay, which is not used, so the next source is tried.</summary>
    TrustedRelay,

    /// <summary>The source is ambiguous, so selection stops.</summary>
    Ambiguous,

    /// <summary>The source is invalid, so selection stops.</summary>
    Garbled,
}
