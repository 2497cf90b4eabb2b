namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Whether a <c>Received</c> header could be read well enough to use.
/// </summary>
public enum ReceivedParseStatus
{
    /// <summary>
    /// The line was read: it either records a network handover with its sending address or
    /// records no handover at all (local submission, a mail fetcher, an internal step).
    /// </summary>
    Parsed,

    /// <summary>
    /// The line records a handover but its sending address cannot be determined without
    /// guessing, or the line has no recognizable structure.
    /// </summary>
    Unparseable,
}
