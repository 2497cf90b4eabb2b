using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Evaluates SPF policies (RFC 7208) for the HELO and MAIL FROM identities. Thread-safe: one instance
/// serves concurrent checks, each with its own counters and per-evaluation answer memo.
/// </summary>
/// <remarks>
/// The check methods return every SPF outcome as a result. They throw only
/// <see cref="ArgumentNullException"/> for null arguments and <see cref="OperationCanceledException"/>
/// when the caller's token is cancelled. A time budget that runs out yields temperror, also when the resolver
/// ignores the token. The resolver gets the caller's token until a lookup first has to wait, and from then on a
/// token that the time budget cancels too, so an evaluation whose answers are all cached starts no timer. Only a budget that runs out during the exp= lookup of a fail result keeps the fail, with
/// the default explanation (RFC 7208 §6.2). An exception other than cancellation thrown by the resolver
/// breaks the <see cref="IDnsResolver"/> contract and propagates to the caller.
/// </remarks>
public sealed class SpfEvaluator
{
    // RFC 7208 §4.3: a sender without a local-part is checked as "postmaster".
    private const string DefaultLocalPart = "postmaster";

    private static readonly TimeSpan s_maxTimeBudget = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly IDnsResolver _resolver;
    private readonly SpfEvaluatorOptions _options;

    /// <summary>Creates an evaluator that queries DNS through <paramref name="resolver"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="SpfEvaluatorOptions.TimeBudget"/> is not positive (or infinite), or exceeds about 24 days.
    /// </exception>
    public SpfEvaluator(IDnsResolver resolver, SpfEvaluatorOptions options)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.ReceiverName is null)
        {
            throw new ArgumentNullException(nameof(options), "The receiver name of the options is null.");
        }

        bool infinite = options.TimeBudget == Timeout.InfiniteTimeSpan;
        if (!infinite && (options.TimeBudget <= TimeSpan.Zero || options.TimeBudget > s_maxTimeBudget))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeBudget,
                "The time budget must be positive and at most Int32.MaxValue milliseconds, or infinite.");
        }
    }

    /// <summary>
    /// Checks the HELO identity: the policy of <paramref name="helo"/> for <c>postmaster@helo</c> (RFC 7208 §2.3).
    /// </summary>
    /// <remarks>
    /// A HELO name that is not a fully qualified domain name, such as an address literal, yields none.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SpfCheckResult> CheckHeloAsync(
        IPAddress client,
        string helo,
        CancellationToken cancellationToken = default) =>
        CheckHeloCoreAsync(client, helo, cancellationToken).AsTask();

    /// <summary>
    /// Checks the HELO identity as <see cref="CheckHeloAsync"/> does, without a task allocation when every answer is
    /// cached.
    /// </summary>
    internal SpfTask<SpfCheckResult> CheckHeloCoreAsync(IPAddress client, string helo, CancellationToken cancellationToken)
    {
        ThrowIfNull(client, nameof(client));
        ThrowIfNull(helo, nameof(helo));
        string name = helo.Trim();
        return EvaluateAsync(SpfIdentity.Helo, client, name, DefaultLocalPart, name, name, cancellationToken);
    }

    /// <summary>
    /// Checks the MAIL FROM identity; an empty <paramref name="mailFrom"/> (or "&lt;&gt;") is the null sender,
    /// checked as <c>postmaster@helo</c> (RFC 7208 §2.4).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SpfCheckResult> CheckMailFromAsync(
        IPAddress client,
        string mailFrom,
        string helo,
        CancellationToken cancellationToken = default) =>
        CheckMailFromCoreAsync(client, mailFrom, helo, cancellationToken).AsTask();

    /// <summary>
    /// Checks the MAIL FROM identity as <see cref="CheckMailFromAsync"/> does, without a task allocation when every
    /// answer is cached.
    /// </summary>
    internal SpfTask<SpfCheckResult> CheckMailFromCoreAsync(
        IPAddress client,
        string mailFrom,
        string helo,
        CancellationToken cancellationToken)
    {
        ThrowIfNull(client, nameof(client));
        ThrowIfNull(mailFrom, nameof(mailFrom));
        ThrowIfNull(helo, nameof(helo));
        string heloName = helo.Trim();
        string address = mailFrom.Trim();
        if (address.Length >= 2 && address[0] == '<' && address[address.Length - 1] == '>')
        {
            address = address.Substring(1, address.Length - 2);
        }

        if (address.Length == 0)
        {
            return EvaluateAsync(SpfIdentity.MailFrom, client, heloName, DefaultLocalPart, heloName, heloName,
                cancellationToken);
        }

        SplitSender(address, out string localPart, out string domain);
        return EvaluateAsync(SpfIdentity.MailFrom, client, domain, localPart, domain, heloName, cancellationToken);
    }

    /// <summary>
    /// Runs <c>check_host()</c> directly (RFC 7208 §4) with the given domain and sender; the result reports
    /// the MAIL FROM identity.
    /// </summary>
    /// <remarks>
    /// A <paramref name="sender"/> without a local-part, such as "example.com" or "@example.com", is checked
    /// as "postmaster@example.com" (RFC 7208 §4.3).
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SpfCheckResult> CheckHostAsync(
        IPAddress client,
        string domain,
        string sender,
        string helo,
        CancellationToken cancellationToken = default)
    {
        ThrowIfNull(client, nameof(client));
        ThrowIfNull(domain, nameof(domain));
        ThrowIfNull(sender, nameof(sender));
        ThrowIfNull(helo, nameof(helo));
        SplitSender(sender, out string localPart, out string senderDomain);
        return EvaluateAsync(
            SpfIdentity.MailFrom, client, domain.Trim(), localPart, senderDomain, helo.Trim(), cancellationToken).AsTask();
    }

    private async SpfTask<SpfCheckResult> EvaluateAsync(
        SpfIdentity identity,
        IPAddress client,
        string domain,
        string localPart,
        string senderDomain,
        string helo,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long startTimestamp = Stopwatch.GetTimestamp();
        IPAddress evaluatedClient = AddressMatcher.Normalize(client);

        // RFC 7208 §4.3: a sender without a local-part is "postmaster@<domain>", and a domain may end in the
        // empty root label, so one trailing dot is dropped before the name becomes an "o" or "h" value.
        senderDomain = DomainNames.TrimTrailingDot(senderDomain);
        string checkedSender = localPart + "@" + senderDomain;
        string heloName = DomainNames.TrimTrailingDot(helo);
        var values = new MacroValues(
            evaluatedClient, checkedSender, localPart, senderDomain, heloName, _options.ReceiverName,
            DateTimeOffset.UtcNow);

        using var context = new SpfEvaluationContext(_resolver, _options, evaluatedClient, values, cancellationToken);
        HostResult outcome;
        string checkedDomain = domain;
        if (!DomainNames.TryNormalizeIdentityDomain(domain, out string normalizedDomain, out string problem))
        {
            // RFC 7208 §4.3: a malformed or single-label domain yields none without any DNS query.
            outcome = HostResult.Error(SpfResult.None, problem);
        }
        else
        {
            checkedDomain = normalizedDomain;
            try
            {
                outcome = await new CheckHostProcedure(context).RunAsync(normalizedDomain, 0, computeExplanation: true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // RFC 7208 §4.6.4: exceeding the elapsed-time limit SHOULD yield temperror.
                outcome = HostResult.Error(SpfResult.TempError, context.IsBudgetExceeded
                    ? $"The evaluation exceeded its time budget of {FormatSeconds(_options.TimeBudget)} seconds."
                    : "A DNS lookup was cancelled by the resolver.");
            }
        }

        return new SpfCheckResult
        {
            Result = outcome.Result,
            Identity = identity,
            Sender = checkedSender,
            Domain = checkedDomain,
            Mechanism = outcome.Mechanism,
            Explanation = outcome.Result == SpfResult.Fail ? outcome.Explanation : null,
            Problem = outcome.Problem,
            DnsTermCount = context.DnsTermCount,
            VoidLookupCount = context.VoidLookupCount,
            DnsQueryCount = context.DnsQueryCount,
            CacheHitCount = context.CacheHitCount,
            Elapsed = TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - startTimestamp) / Stopwatch.Frequency),
            Trace = context.Trace ?? Array.Empty<SpfTraceEntry>(),
        };
    }

    // Splits at the last "@", because a quoted local-part may itself contain "@" (RFC 5321 §4.1.2).
    private static void SplitSender(string sender, out string localPart, out string domain)
    {
        int at = sender.LastIndexOf('@');
        localPart = at > 0 ? sender.Substring(0, at) : DefaultLocalPart;
        domain = at >= 0 ? sender.Substring(at + 1) : sender;
    }

    private static string FormatSeconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static void ThrowIfNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}
