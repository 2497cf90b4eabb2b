using System.Collections.Generic;
using System.Linq;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Finds the validated reverse names of the client, shared by the ptr mechanism and the %{p} macro
/// (RFC 7208 §5.5, §7.3).
/// </summary>
internal static class ValidatedNames
{
    /// <summary>The value of %{p} when no name validates (RFC 7208 §7.3).</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// Looks up the PTR names of the client and returns at most the first ten; none on a DNS error.
    /// </summary>
    public static async SpfTask<PtrNames> LookupPtrNamesAsync(SpfEvaluationContext context)
    {
        string reverseName = DomainNames.ReverseName(context.Client);
        DnsLookupResult answer = await context.LookupAsync(reverseName, DnsQueryType.Ptr);
        if (answer.Status != DnsResponseStatus.Answer)
        {
            return new PtrNames(answer.Status, new List<string>());
        }

        // RFC 7208 §4.6.4: PTR names after the first 10 MUST be ignored.
        List<string> names = answer.Strings
            .Take(SpfLimits.MaxPtrNames)
            .Select(DomainNames.TrimTrailingDot)
            .ToList();
        return new PtrNames(answer.Status, names);
    }

    /// <summary>
    /// True when a forward lookup of <paramref name="name"/> returns the client address; a DNS error
    /// or an invalid name means the name is skipped (RFC 7208 §5.5).
    /// </summary>
    public static async SpfTask<bool> IsValidatedAsync(SpfEvaluationContext context, string name)
    {
        if (!DomainNames.TryNormalizeTargetName(name, out string queryName))
        {
            return false;
        }

        DnsLookupResult answer = await context.LookupAsync(queryName, context.AddressQueryType);
        return answer.Status == DnsResponseStatus.Answer
            && answer.Addresses.Any(address => address.Equals(context.Client));
    }

    /// <summary>
    /// Returns the %{p} value: the current domain if it validates, else a validated subdomain of it,
    /// else any validated name, else "unknown" (RFC 7208 §7.3).
    /// </summary>
    public static async SpfTask<string> FindPreferredAsync(SpfEvaluationContext context, string currentDomain)
    {
        PtrNames ptr = await LookupPtrNamesAsync(context);
        IEnumerable<string> exact = ptr.Names.Where(name => DomainNames.IsSameOrSubdomain(currentDomain, name)
            && DomainNames.IsSameOrSubdomain(name, currentDomain));
        IEnumerable<string> subdomains = ptr.Names.Where(name => DomainNames.IsSameOrSubdomain(name, currentDomain));
        foreach (string candidate in exact.Concat(subdomains).Concat(ptr.Names))
        {
            if (await IsValidatedAsync(context, candidate))
            {
                return candidate;
            }
        }

        return Unknown;
    }
}
