using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>
/// Evaluates check requests with the agent's SPF engine and cached resolver, under the configuration's time budget
/// and receiver name.
/// </summary>
internal sealed class CheckRunner
{
    // RFC 7208 §7.3: the %{r} macro expands to "unknown" when the receiving host's name is not available.
    private const string UnknownReceiver = "unknown";

    private readonly CachingDnsResolver _resolver;
    private readonly SpfEvaluator _evaluator;
    private readonly bool _clearCache;

    public CheckRunner(CachingDnsResolver resolver, AgentSettings settings, CheckRunnerOptions options)
    {
        _resolver = resolver;
        _clearCache = options.NoCache;
        _evaluator = new SpfEvaluator(resolver, new SpfEvaluatorOptions
        {
            TimeBudget = settings.Evaluation.TimeBudget,
            ReceiverName = settings.Evaluation.ReceiverName ?? UnknownReceiver,
            DefaultExplanation = options.DefaultExplanation,
            EnableTrace = options.Trace,
        });
    }

    /// <summary>Evaluates the MAIL FROM identity only, as <c>check --jsonl</c> reports it.</summary>
    public Task<SpfCheckResult> CheckMailFromAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        ClearCacheIfAsked();
        return _evaluator.CheckMailFromAsync(request.Client, request.MailFrom, request.Helo, cancellationToken);
    }

    /// <summary>Evaluates the HELO identity when a HELO name is given, then MAIL FROM, as the agent does.</summary>
    public async Task<IReadOnlyList<SpfCheckResult>> CheckBothAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        ClearCacheIfAsked();
        var results = new List<SpfCheckResult>();
        if (request.Helo.Length > 0)
        {
            results.Add(await _evaluator.CheckHeloAsync(request.Client, request.Helo, cancellationToken).ConfigureAwait(false));
        }

        results.Add(await _evaluator.CheckMailFromAsync(request.Client, request.MailFrom, request.Helo, cancellationToken)
            .ConfigureAwait(false));
        return results;
    }

    private void ClearCacheIfAsked()
    {
        if (_clearCache)
        {
            _resolver.Clear();
        }
    }
}
