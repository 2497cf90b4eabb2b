using System;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;
using NLog;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The services every agent instance of a transport process shares: configuration, the cached
/// resolver, the decision pipeline and the logs. Thread-safe.
/// </summary>
internal sealed class AgentServices
{
    private readonly Func<AgentSettings?> _settings;
    private readonly Func<DnsResolverOptions, IDnsResolver> _resolverFactory;
    private readonly Action<Exception, string>? _reportUnexpected;
    private readonly object _lock = new();
    private DnsResolverOptions? _resolverOptions;
    private IDnsResolver? _resolver;
    private MessageChecker? _checker;

    /// <param name="settings">Returns the current settings, or null while the agent is in pass-through mode.</param>
    /// <param name="resolverFactory">Builds the shared resolver for a DNS configuration.</param>
    /// <param name="decisionLog">Receives one record per message.</param>
    /// <param name="logger">The diagnostic log.</param>
    /// <param name="reportUnexpected">Reports an unexpected exception to the logs and the event log; null logs it only.</param>
    public AgentServices(
        Func<AgentSettings?> settings,
        Func<DnsResolverOptions, IDnsResolver> resolverFactory,
        IDecisionLog decisionLog,
        Logger logger,
        Action<Exception, string>? reportUnexpected = null)
    {
        _reportUnexpected = reportUnexpected;
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _resolverFactory = resolverFactory ?? throw new ArgumentNullException(nameof(resolverFactory));
        DecisionLog = decisionLog ?? throw new ArgumentNullException(nameof(decisionLog));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public IDecisionLog DecisionLog { get; }

    public Logger Logger { get; }

    /// <summary>The current settings, or null in pass-through mode (no valid configuration).</summary>
    public AgentSettings? Settings => _settings();

    /// <summary>
    /// Returns the pipeline for <paramref name="settings"/>; a changed DNS configuration builds a new
    /// resolver, so a reload needs no restart.
    /// </summary>
    public MessageChecker CheckerFor(AgentSettings settings)
    {
        lock (_lock)
        {
            if (_checker is null || !ReferenceEquals(_resolverOptions, settings.Dns))
            {
                _resolver = _resolverFactory(settings.Dns);
                _checker = new MessageChecker(_resolver);
                _resolverOptions = settings.Dns;
            }

            return _checker;
        }
    }

    /// <summary>Logs an exception caught at the agent boundary, with its stack trace.</summary>
    public void ReportUnexpected(Exception exception, string message)
    {
        if (_reportUnexpected is null)
        {
            Logger.Error(exception, message);
        }
        else
        {
            _reportUnexpected(exception, message);
        }
    }

    /// <summary>Returns the DNS cache counts for the periodic summary.</summary>
    public string DnsSummary()
    {
        IDnsResolver? resolver;
        lock (_lock)
        {
            resolver = _resolver;
        }

        if (resolver is not CachingDnsResolver caching)
        {
            return "DNS: no lookups yet.";
        }

        DnsResolverStatistics statistics = caching.Statistics;
        return FormattableString.Invariant(
            $"DNS: {statistics.QueriesSent} queries sent, {statistics.CacheHits} cache hits ({statistics.NegativeCacheHits} negative), {statistics.SharedLookups} shared, {statistics.Timeouts} timeouts, {statistics.Failures} failures, {statistics.CacheEntries} cached entries.");
    }

    /// <summary>Builds the production resolver: DnsClient behind the project's own cache.</summary>
    public static IDnsResolver CreateResolver(DnsResolverOptions options) =>
        new CachingDnsResolver(new DnsClientResolver(options), options);
}
