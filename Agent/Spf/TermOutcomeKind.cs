namespace ExchangeSpfAgent.Spf;

/// <summary>
/// How the evaluation of one mechanism ended.
/// </summary>
internal enum TermOutcomeKind
{
    Match,
    NoMatch,
    PermError,
    TempError,
}
