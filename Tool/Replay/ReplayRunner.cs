using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// Runs saved messages one after another through the agent's decision pipeline (<see cref="MessageChecker"/>) with
/// one shared resolver, as one agent process would.
/// </summary>
internal sealed class ReplayRunner
{
    private readonly MessageChecker _checker;
    private readonly AgentSettings _settings;
    private readonly ReplayOptions _options;
    private readonly IReplayWriter _writer;
    private readonly IDecisionLog? _decisionLog;

    public ReplayRunner(
        IDnsResolver resolver, AgentSettings settings, ReplayOptions options, IReplayWriter writer, IDecisionLog? decisionLog)
    {
        _checker = new MessageChecker(resolver);
        _settings = settings;
        _options = options;
        _writer = writer;
        _decisionLog = decisionLog;
    }

    /// <summary>Replays <paramref name="files"/> and returns the totals.</summary>
    public async Task<ReplayTotals> RunAsync(
        IReadOnlyList<(string Path, string DisplayName)> files, TextWriter progressOutput, CancellationToken cancellationToken)
    {
        var totals = new ReplayTotals();
        var progress = new ProgressReporter(progressOutput, "replayed", "messages", files.Count);
        for (int index = 0; index < files.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string path, string displayName) = files[index];
            ReplayOutcome outcome = await ReplayAsync(path, displayName, index + 1, cancellationToken).ConfigureAwait(false);
            totals.Add(outcome);
            _writer.Write(outcome);
            progress.Report(index + 1);
        }

        progress.Finish(files.Count);
        _writer.WriteTotals(totals);
        return totals;
    }

    private async Task<ReplayOutcome> ReplayAsync(
        string path, string displayName, long sessionId, CancellationToken cancellationToken)
    {
        SavedMessage saved;
        try
        {
            saved = MessageHeaderReader.Read(path);
        }
        catch (MessageFormatException exception)
        {
            return ReplayOutcome.Failed(displayName, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ReplayOutcome.Failed(displayName, $"{path}: cannot be read: {exception.Message}");
        }

        ReplayMessage message = ReplayContextBuilder.Build(saved, _settings, _options, sessionId);
        MessageDecision decision = await _checker.CheckAsync(message.Context, _settings, cancellationToken)
            .ConfigureAwait(false);
        _decisionLog?.Write(DecisionRecords.WithTime(decision.Record, message.Received));
        return ReplayOutcome.Decided(displayName, message, decision);
    }
}
