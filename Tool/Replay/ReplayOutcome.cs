using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>What the replay produced for one file: the decision, or the error that stopped it.</summary>
internal sealed class ReplayOutcome
{
    private ReplayOutcome(string filePath, ReplayMessage? message, MessageDecision? decision, string? error)
    {
        FilePath = filePath;
        Message = message;
        Decision = decision;
        Error = error;
    }

    /// <summary>The file as it is shown: relative to the folder given on the command line.</summary>
    public string FilePath { get; }

    public ReplayMessage? Message { get; }

    public MessageDecision? Decision { get; }

    /// <summary>Why the file could not be replayed, or null.</summary>
    public string? Error { get; }

    public static ReplayOutcome Decided(string filePath, ReplayMessage message, MessageDecision decision) =>
        new(filePath, message, decision, null);

    public static ReplayOutcome Failed(string filePath, string error) => new(filePath, null, null, error);
}
