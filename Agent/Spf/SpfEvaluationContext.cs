using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The state of one evaluation: the client and macro values, the lookup counters and limits, the
/// per-evaluation answer memo, the time budget and the trace. Used by one evaluation at a time, so not
/// thread-safe.
/// </summary>
/// <remarks>
/// The time budget is a deadline. Its timer is started only when a lookup has to wait, so an evaluation whose
/// answers are all cached sets no timer at all.
/// </remarks>
internal sealed class SpfEvaluationContext : IDisposable
{
    private readonly IDnsResolver _resolver;

    // RFC 7208 §4.6.4 bounds an evaluation to about 130 lookups (10 terms, 10 names per MX or PTR answer), so a
    // list searched in order is enough.
    private readonly List<(DnsQueryType Type, string Name, DnsLookupResult Answer)> _answers = new(16);
    private readonly List<SpfTraceEntry>? _trace;
    private readonly long _startTimestamp;
    private readonly long _budgetTicks;
    private Dictionary<string, string>? _validatedDomains;
    private CancellationTokenSource? _budgetTimer;

    public SpfEvaluationContext(
        IDnsResolver resolver,
        SpfEvaluatorOptions options,
        IPAddress client,
        MacroValues values,
        CancellationToken callerCancellationToken)
    {
        _startTimestamp = Stopwatch.GetTimestamp();
        _budgetTicks = options.TimeBudget == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : (long)(options.TimeBudget.TotalSeconds * Stopwatch.Frequency);
        _resolver = resolver;
        Options = options;
        Client = client;
        ClientBytes = client.GetAddressBytes();
        Values = values;
        CallerCancellationToken = callerCancellationToken;
        _trace = options.EnableTrace ? new List<SpfTraceEntry>() : null;
    }

    public SpfEvaluatorOptions Options { get; }

    /// <summary>The client address, with an IPv4-mapped IPv6 address already turned into IPv4.</summary>
    public IPAddress Client { get; }

    /// <summary>The bytes of <see cref="Client"/>, computed once for every comparison.</summary>
    public byte[] ClientBytes { get; }

    public MacroValues Values { get; }

    /// <summary>
    /// The token for lookups: the caller's, and once a lookup had to wait, one that the time budget cancels too.
    /// </summary>
    public CancellationToken CancellationToken => _budgetTimer?.Token ?? CallerCancellationToken;

    /// <summary>True once the time budget has run out.</summary>
    public bool IsBudgetExceeded =>
        Stopwatch.GetTimestamp() - _startTimestamp >= _budgetTicks
        || (_budgetTimer is not null && _budgetTimer.IsCancellationRequested && !CallerCancellationToken.IsCancellationRequested);

    /// <summary>Cancelled only when the caller cancels, which ends the evaluation with an exception.</summary>
    public CancellationToken CallerCancellationToken { get; }

    /// <summary>The address record type that matches the client: AAAA for IPv6, else A (RFC 7208 §5).</summary>
    public DnsQueryType AddressQueryType =>
        Client.AddressFamily == AddressFamily.InterNetworkV6 ? DnsQueryType.Aaaa : DnsQueryType.A;

    public int DnsTermCount { get; private set; }

    public int VoidLookupCount { get; private set; }

    public int DnsQueryCount { get; private set; }

    public int CacheHitCount { get; private set; }

    public IReadOnlyList<SpfTraceEntry>? Trace => _trace;

    /// <summary>
    /// Counts one term that queries DNS; false, without counting, when the limit is already reached.
    /// </summary>
    public bool TryCountDnsTerm()
    {
        // RFC 7208 §4.6.4: the 11th term that would query DNS ends the evaluation with permerror.
        if (DnsTermCount >= SpfLimits.MaxDnsTerms)
        {
            return false;
        }

        DnsTermCount++;
        return true;
    }

    /// <summary>Counts one term whose lookups were all void; false once the count exceeds the limit.</summary>
    public bool TryCountVoidLookup()
    {
        // RFC 7208 §4.6.4: more than two void lookups is permerror.
        VoidLookupCount++;
        return VoidLookupCount <= SpfLimits.MaxVoidLookups;
    }

    /// <summary>The permerror outcome for a lookup that exceeded the void lookup limit.</summary>
    /// <param name="subject">What made the lookup, such as "The term 'a:example.com'".</param>
    public static TermOutcome VoidLimitExceeded(string subject) => TermOutcome.PermError(
        $"{subject} exceeded the limit of {SpfLimits.MaxVoidLookups} void lookups "
        + "(terms whose DNS lookups returned no records).");

    /// <summary>
    /// Looks up a name, sending each name and type to the resolver at most once per evaluation.
    /// </summary>
    /// <remarks>
    /// The wait ends when <see cref="CancellationToken"/> fires, even if the resolver ignores the token.
    /// A lookup that returns after the time budget ran out still throws, so an overrun is never lost.
    /// </remarks>
    /// <exception cref="OperationCanceledException">The caller cancelled or the time budget ran out.</exception>
    public SpfTask<DnsLookupResult> LookupAsync(string name, DnsQueryType type)
    {
        DnsLookupResult? known = FindAnswer(name, type);
        if (known is not null)
        {
            return new SpfTask<DnsLookupResult>(known);
        }

        ThrowIfStopped();
        DnsQueryCount++;
        Task<DnsLookupResult> lookup = _resolver.ResolveAsync(name, type, CancellationToken);

        // A cached answer completes at once, so only a lookup that waits needs an async method.
        return lookup.Status == TaskStatus.RanToCompletion
            ? new SpfTask<DnsLookupResult>(Keep(name, type, lookup.Result))
            : WaitForLookupAsync(name, type, lookup);
    }

    /// <summary>
    /// Expands a macro-string, looking up the validated client name first when it uses %{p}.
    /// </summary>
    public async SpfTask<string> ExpandAsync(MacroString macro, string currentDomain)
    {
        string? validated = macro.UsesValidatedDomain
            ? await GetValidatedDomainAsync(currentDomain)
            : null;
        return macro.Expand(Values, currentDomain, validated);
    }

    /// <summary>
    /// Expands a domain-spec into a name to query, or returns null when no valid name results.
    /// </summary>
    public SpfTask<string?> ExpandTargetAsync(DomainSpec? target, string currentDomain)
    {
        if (target is null)
        {
            return new SpfTask<string?>(currentDomain);
        }

        // Only a target with macros is expanded, in an async method of its own.
        return target.IsConstant ? new SpfTask<string?>(target.ConstantTarget) : ExpandMacroTargetAsync(target, currentDomain);
    }

    private async SpfTask<DnsLookupResult> WaitForLookupAsync(string name, DnsQueryType type, Task<DnsLookupResult> lookup)
    {
        DnsLookupResult answer = lookup.IsCompleted
            ? await lookup.ConfigureAwait(false)
            : await TaskWaiter.WaitAsync(lookup, StartBudgetTimer());
        return Keep(name, type, answer);
    }

    // Counts the answer and keeps it for the rest of the evaluation.
    private DnsLookupResult Keep(string name, DnsQueryType type, DnsLookupResult answer)
    {
        // RFC 7208 §4.6.4: an answer that arrives after the time budget ran out counts as a timeout. This
        // happens when the resolver blocks before it returns its task.
        ThrowIfStopped();
        if (answer.FromCache)
        {
            CacheHitCount++;
        }

        _answers.Add((type, name, answer));
        return answer;
    }

    private async SpfTask<string?> ExpandMacroTargetAsync(DomainSpec target, string currentDomain)
    {
        string expanded = await ExpandAsync(target.Macro, currentDomain);
        return DomainNames.TryNormalizeTargetName(expanded, out string name) ? name : null;
    }

    /// <summary>Throws when the caller cancelled or the time budget ran out.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled or the time budget ran out.</exception>
    public void ThrowIfStopped()
    {
        CallerCancellationToken.ThrowIfCancellationRequested();
        if (IsBudgetExceeded)
        {
            throw new OperationCanceledException("The time budget of the evaluation ran out.");
        }
    }

    public void Dispose() => _budgetTimer?.Dispose();

    /// <summary>True when the evaluation records a trace, so that callers build trace text only then.</summary>
    public bool IsTracing => _trace is not null;

    public void AddTrace(int depth, string domain, string term, string message) =>
        _trace?.Add(new SpfTraceEntry(depth, domain, term, message));

    private async SpfTask<string> GetValidatedDomainAsync(string currentDomain)
    {
        _validatedDomains ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!_validatedDomains.TryGetValue(currentDomain, out string? validated))
        {
            validated = await ValidatedNames.FindPreferredAsync(this, currentDomain);
            _validatedDomains[currentDomain] = validated;
        }

        return validated;
    }

    // Returns a token that the caller or the rest of the time budget cancels, starting its timer on first use. A
    // budget already spent gives a cancelled token instead of an exception, so the wait still observes the lookup.
    private CancellationToken StartBudgetTimer()
    {
        if (_budgetTimer is null && _budgetTicks != long.MaxValue)
        {
            long remaining = _budgetTicks - (Stopwatch.GetTimestamp() - _startTimestamp);
            _budgetTimer = CancellationTokenSource.CreateLinkedTokenSource(CallerCancellationToken);
            if (remaining <= 0)
            {
                _budgetTimer.Cancel();
            }
            else
            {
                // Rounded up to whole milliseconds, so that the timer never fires before the deadline.
                double milliseconds = Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency);
                _budgetTimer.CancelAfter(TimeSpan.FromMilliseconds(milliseconds));
            }
        }

        return CancellationToken;
    }

    // DNS names compare without regard to ASCII case (RFC 4343).
    private DnsLookupResult? FindAnswer(string name, DnsQueryType type)
    {
        foreach ((DnsQueryType Type, string Name, DnsLookupResult Answer) entry in _answers)
        {
            if (entry.Type == type && string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Answer;
            }
        }

        return null;
    }
}
