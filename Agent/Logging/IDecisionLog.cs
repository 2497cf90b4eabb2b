namespace ExchangeSpfAgent.Logging;

/// <summary>The sink of decision records; implementations are thread-safe and never throw.</summary>
public interface IDecisionLog
{
    /// <summary>Writes one decision.</summary>
    void Write(DecisionRecord record);
}
