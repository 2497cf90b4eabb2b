namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>What an agent did to a message through its event source.</summary>
public enum MessageActionKind
{
    Reject,
    Discard,
    Quarantine,
}
