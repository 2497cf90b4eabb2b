using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using FsCheck.Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Properties over generated records, macros, domains and DNS answers: evaluation never throws, never
/// loops, stays within its limits and always ends in one of the seven results.
/// </summary>
public sealed class SpfEvaluatorPropertyTests
{
    // One top-level TXT lookup; per DNS term at most one lookup plus ten address lookups (mx, ptr);
    // the %{p} names are shared by the whole evaluation; one exp lookup.
    private const int MaxQueries =
        1 + (SpfLimits.MaxDnsTerms * (1 + SpfLimits.MaxMxNames)) + (1 + SpfLimits.MaxPtrNames) + 1;

    private static readonly TimeSpan s_completionLimit = TimeSpan.FromSeconds(10);

    [Property(Arbitrary = new[] { typeof(SpfArbitraries) }, MaxTest = 500)]
    public async Task<bool> Evaluation_EndsInResultWithinLimits(PolicyScenario scenario)
    {
        var resolver = new GeneratedDnsResolver(scenario);
        var options = new SpfEvaluatorOptions { DefaultExplanation = "default", EnableTrace = true };
        var evaluator = new SpfEvaluator(resolver, options);

        Task<SpfCheckResult> check = evaluator.CheckMailFromAsync(
            IPAddress.Parse(scenario.Client), scenario.Sender, scenario.Helo);
        Task finished = await Task.WhenAny(check, Task.Delay(s_completionLimit));
        if (finished != check)
        {
            return false;
        }

        SpfCheckResult result = await check;
        bool repeated = resolver.Queries
            .GroupBy(query => (query.Name.ToLowerInvariant(), query.Type))
            .Any(group => group.Count() > 1);
        return Enum.IsDefined(typeof(SpfResult), result.Result)
            && result.DnsTermCount <= SpfLimits.MaxDnsTerms
            && result.VoidLookupCount <= SpfLimits.MaxVoidLookups + 1
            && result.DnsQueryCount <= MaxQueries
            && result.DnsQueryCount == resolver.Queries.Count
            && !repeated
            && (result.Explanation is null || result.Result == SpfResult.Fail)
            && (result.Problem is not null
                || result.Result is not (SpfResult.None or SpfResult.PermError or SpfResult.TempError));
    }

    [Property(Arbitrary = new[] { typeof(SpfArbitraries) }, MaxTest = 1000)]
    public bool RecordParser_NeverThrows(SpfText text)
    {
        bool parsed = SpfRecord.TryParse(text.Value, out SpfRecord? record, out string error);
        return parsed ? record is not null && error.Length == 0 : record is null && error.Length > 0;
    }

    [Property(Arbitrary = new[] { typeof(SpfArbitraries) }, MaxTest = 1000)]
    public bool MacroExpansion_NeverThrows(SpfText text)
    {
        if (!MacroString.TryParse(text.Value, MacroString.AllLetters, allowSpaces: true, out MacroString? macro, out _))
        {
            return true;
        }

        var values = new MacroValues(
            IPAddress.Parse("2001:db8::1"), "user@example.com", "user", "example.com", text.Value, "receiver",
            new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero));
        string expanded = macro!.Expand(values, text.Value, null);
        DomainNames.TryNormalizeTargetName(expanded, out string name);
        return name.Length <= Math.Max(expanded.Length, SpfLimits.MaxDomainNameLength);
    }

    [Property(Arbitrary = new[] { typeof(SpfArbitraries) }, MaxTest = 1000)]
    public bool DomainChecks_NeverThrow(SpfText text)
    {
        bool identity = DomainNames.TryNormalizeIdentityDomain(text.Value, out string normalized, out string problem);
        bool target = DomainNames.TryNormalizeTargetName(text.Value, out string name);
        return (identity ? normalized.Length <= SpfLimits.MaxDomainNameLength : problem.Length > 0)
            && (!target || name.Length <= SpfLimits.MaxDomainNameLength);
    }
}
