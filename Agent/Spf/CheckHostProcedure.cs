
namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The <c>check_host()</c> function of RFC 7208 §4: record lookup and selection, whole-record parsing,
/// mechanism evaluation in order, then redirect or the default result.
/// </summary>
internal sealed class CheckHostProcedure
{
    private readonly SpfEvaluationContext _context;

    public CheckHostProcedure(SpfEvaluationContext context)
    {
        _context = context;
    }

    /// <summary>Evaluates the policy of <paramref name="domain"/>, which is the current domain "d".</summary>
    /// <param name="domain">A domain name without a trailing dot.</param>
    /// <param name="depth">0 for the first domain, one more for each include or redirect.</param>
    /// <param name="computeExplanation">False inside include, whose explanations are never used.</param>
    public async SpfTask<HostResult> RunAsync(string domain, int depth, bool computeExplanation)
    {
        _context.ThrowIfStopped();
        if (depth > SpfLimits.MaxRecursionDepth)
        {
            return HostResult.Error(SpfResult.PermError,
                $"Include and redirect are nested more than {SpfLimits.MaxRecursionDepth} levels deep at {domain}.");
        }

        (SpfRecord? record, HostResult failure) = await FetchRecordAsync(domain, depth);
        if (record is null)
        {
            if (_context.IsTracing)
            {
                string resultName = SpfResultNames.ToRfcName(failure.Result);
                _context.AddTrace(depth, domain, "record", $"{resultName}: {failure.Problem}");
            }

            return failure;
        }

        _context.AddTrace(depth, domain, "record", record.Text);
        for (int index = 0; index < record.Mechanisms.Count; index++)
        {
            SpfMechanism mechanism = record.Mechanisms[index];
            TermOutcome outcome = await MechanismDispatcher.EvaluateAsync(_context, mechanism, domain, depth, this);
            if (_context.IsTracing)
            {
                _context.AddTrace(depth, domain, mechanism.Text, DescribeOutcome(outcome, mechanism));
            }

            if (outcome.IsError)
            {
                return HostResult.FromOutcome(outcome, mechanism.Text);
            }

            if (outcome.Kind == TermOutcomeKind.Match)
            {
                SpfResult result = mechanism.MatchResult;

                // RFC 7208 §6.2: the explanation applies only to fail, and only to the record that failed.
                string? explanation = result == SpfResult.Fail && computeExplanation
                    ? await ExplanationBuilder.BuildAsync(_context, record, domain, depth)
                    : null;
                return new HostResult(result, mechanism.Text, null, explanation);
            }
        }

        // RFC 7208 §6.1: redirect applies when no mechanism matched, and is ignored when "all" is present.
        if (record.RedirectTarget is not null && !record.HasAllMechanism)
        {
            return await RedirectAsync(record, domain, depth, computeExplanation);
        }

        // RFC 7208 §4.7: with no match and no redirect the result is neutral.
        _context.AddTrace(depth, domain, "default", "no mechanism matched: neutral");
        return new HostResult(SpfResult.Neutral, null, null, null);
    }

    private async SpfTask<HostResult> RedirectAsync(SpfRecord record, string domain, int depth, bool computeExplanation)
    {
        string term = "redirect=" + record.Redirect;

        // RFC 7208 §4.6.4: redirect counts towards the DNS term limit.
        if (!_context.TryCountDnsTerm())
        {
            return HostResult.FromOutcome(MechanismDispatcher.DnsTermLimitExceeded(term), term);
        }

        string? target = await _context.ExpandTargetAsync(record.RedirectTarget, domain);
        if (target is null)
        {
            // RFC 7208 §6.1: a malformed redirect target is permerror.
            return HostResult.Error(SpfResult.PermError, $"The target of '{term}' is not a valid domain name.");
        }

        _context.AddTrace(depth, domain, term, $"evaluating {target}");

        // RFC 7208 §6.1: the redirect target becomes the current domain and its result is the result;
        // the exp= of the redirecting record is not used.
        HostResult redirected = await RunAsync(target, depth + 1, computeExplanation);
        if (redirected.Result == SpfResult.None)
        {
            // RFC 7208 §6.1: a redirect target without an SPF record is permerror.
            return HostResult.Error(SpfResult.PermError, $"The redirect target {target} has no SPF record.");
        }

        return redirected;
    }

    // RFC 7208 §4.4, §4.5: TXT lookup, then exactly one record that starts with "v=spf1".
    private async SpfTask<(SpfRecord? Record, HostResult Failure)> FetchRecordAsync(string domain, int depth)
    {
        DnsLookupResult answer = await _context.LookupAsync(domain, DnsQueryType.Txt);
        switch (answer.Status)
        {
            case DnsResponseStatus.TemporaryFailure:
                // RFC 7208 §4.4: a DNS error or timeout during record lookup is temperror.
                return (null, HostResult.Error(SpfResult.TempError,
                    $"The TXT lookup for {domain} failed ({answer.FailureReason})."));
            case DnsResponseStatus.NxDomain:
            case DnsResponseStatus.NoData:
                // RFC 7208 §4.6.4: a nested record lookup that returns nothing is a void lookup.
                if (depth > 0 && !_context.TryCountVoidLookup())
                {
                    TermOutcome exceeded = SpfEvaluationContext.VoidLimitExceeded($"The record lookup for {domain}");
                    return (null, HostResult.FromOutcome(exceeded, null));
                }

                string reason = answer.Status == DnsResponseStatus.NxDomain ? "does not exist" : "has no TXT records";
                return (null, HostResult.Error(SpfResult.None,
                    $"The domain {domain} {reason}, so it has no SPF record."));
        }

        RecordSelection selection = answer.SelectSpfRecord();
        if (selection.CandidateCount == 0)
        {
            // RFC 7208 §4.5: no SPF record is the result none.
            return (null, HostResult.Error(SpfResult.None, $"The domain {domain} has no SPF record."));
        }

        if (selection.CandidateCount > 1)
        {
            // RFC 7208 §4.5: more than one SPF record is permerror.
            return (null, HostResult.Error(SpfResult.PermError,
                $"The domain {domain} publishes {selection.CandidateCount} SPF records."));
        }

        if (selection.Record is null)
        {
            // RFC 7208 §4.6: a syntax error anywhere in the record is permerror.
            _context.AddTrace(depth, domain, "record", selection.CandidateText!);
            return (null, HostResult.Error(SpfResult.PermError,
                $"The SPF record of {domain} is invalid. {selection.ParseError}"));
        }

        return (selection.Record, default);
    }

    private static string DescribeOutcome(TermOutcome outcome, SpfMechanism mechanism) => outcome.Kind switch
    {
        TermOutcomeKind.Match => "match: " + SpfResultNames.ToRfcName(mechanism.MatchResult),
        TermOutcomeKind.NoMatch => "no match",
        _ => outcome.ToString(),
    };
}
