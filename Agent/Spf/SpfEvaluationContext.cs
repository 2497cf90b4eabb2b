using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The state of one evaluation: the client and macro values, the lookup counters and limits, the
/// per-evaluation answer memo and the trace. Used by one evaluation at a time, so not thread-safe.
/// </summary>
internal sealed class SpfEvaluationContext
{
    private readonly IDnsResolver _resolver;
    private readonly Dictionary<string, DnsLookupResult> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _validatedDomains = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SpfTraceEntry>? _trace;

    public SpfEvaluationContext(
        IDnsResolver resolver,
        SpfEvaluatorOptions options,
        IPAddress client,
        MacroValues values,
        CancellationToken cancellationToken,
        CancellationToken callerCancellationToken)
    {
        _resolver = resolver;
        Options = options;
        Client = client;
        Values = values;
        CancellationToken = cancellationToken;
        CallerCancellationToken = callerCancellationToken;
        _trace = options.EnableTrace ? new List<SpfTraceEntry>() : null;
    }

    public SpfEvaluatorOptions Options { get; }

    /// <summary>The client address, with an IPv4-mapped IPv6 address already turned into IPv4.</summary>
    public IPAddress Client { get; }

    public MacroValues Values { get; }

    /// <summary>Cancelled when the caller cancels or the time budget runs out.</summary>
    public CancellationToken CancellationToken { get; }

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
    public async Task<DnsLookupResult> LookupAsync(string name, DnsQueryType type)
    {
        string key = $"{(int)type}:{name.ToLowerInvariant()}";
        if (_answers.TryGetValue(key, out DnsLookupResult? known))
        {
            return known;
        }

        CancellationToken.ThrowIfCancellationRequested();
        DnsQueryCount++;
        Task<DnsLookupResult> lookup = _resolver.ResolveAsync(name, type, CancellationToken);
        DnsLookupResult answer = await TaskWaiter.WaitAsync(lookup, CancellationToken).ConfigureAwait(false);

        // RFC 7208 §4.6.4: an answer that arrives after the time budget ran out counts as a timeout. This
        // happens when the resolver blocks before it returns its task.
        CancellationToken.ThrowIfCancellationRequested();
        if (answer.FromCache)
        {
            CacheHitCount++;
        }

        _answers[key] = answer;
        return answer;
    }

    /// <summary>
    /// Expands a macro-string, looking up the validated client name first when it uses %{p}.
    /// </summary>
    public async Task<string> ExpandAsync(MacroString macro, string currentDomain)
    {
        string? validated = macro.UsesValidatedDomain
            ? await GetValidatedDomainAsync(currentDomain).ConfigureAwait(false)
            : null;
        return macro.Expand(Values, currentDomain, validated);
    }

    /// <summary>
    /// Expands a domain-spec into a name to query, or returns null when no valid name results.
    /// </summary>
    public async Task<string?> ExpandTargetAsync(DomainSpec? target, string currentDomain)
    {
        if (target is null)
        {
            return currentDomain;
        }

        string expanded = await ExpandAsync(target.Macro, currentDomain).ConfigureAwait(false);
        return DomainNames.TryNormalizeTargetName(expanded, out string name) ? name : null;
    }

    public void AddTrace(int depth, string domain, string term, string message) =>
        _trace?.Add(new SpfTraceEntry(depth, domain, term, message));

    private async Task<string> GetValidatedDomainAsync(string currentDomain)
    {
        if (!_validatedDomains.TryGetValue(currentDomain, out string? validated))
        {
            validated = await ValidatedNames.FindPreferredAsync(this, currentDomain).ConfigureAwait(false);
            _validatedDomains[currentDomain] = validated;
        }

        return validated;
    }
}
