namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>Writes the outcome of each replayed message, then the totals.</summary>
internal interface IReplayWriter
{
    void Write(ReplayOutcome outcome);

    void WriteTotals(ReplayTotals totals);
}
