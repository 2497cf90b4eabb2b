using ExchangeSpfAgent.Logging;

namespace ExchangeSpfAgent.Transport;

/// <summary>A decision log that discards every record.</summary>
internal sealed class NullDecisionLog : IDecisionLog
{
    public void Write(DecisionRecord record)
    {
    }
}
