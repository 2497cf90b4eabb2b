namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The processing limits of <c>check_host()</c> and the name lengths it enforces.
/// </summary>
public static class SpfLimits
{
    /// <summary>
    /// The maximum number of terms that cause DNS queries (include, a, mx, ptr, exists, redirect)
    /// in one evaluation, counted as the terms are evaluated.
    /// </summary>
    // RFC 7208 §4.6.4: implementations MUST limit those terms to 10 and return permerror beyond.
    public const int MaxDnsTerms = 10;

    /// <summary>The maximum number of terms whose DNS queries return NXDOMAIN or no answers.</summary>
    // RFC 7208 §4.6.4: implementations SHOULD limit void lookups to two; exceeding it is permerror.
    public const int MaxVoidLookups = 2;

    /// <summary>The maximum number of MX names one mx term looks up; more names are a permerror.</summary>
    // RFC 7208 §4.6.4: each mx term MUST NOT query more than 10 address records, else permerror.
    public const int MaxMxNames = 10;

    /// <summary>The maximum number of PTR names one ptr term or %{p} macro validates; the rest are ignored.</summary>
    // RFC 7208 §4.6.4: the evaluation of PTR records MUST ignore all names after the first 10.
    public const int MaxPtrNames = 10;

    /// <summary>The maximum nesting of include and redirect.</summary>
    /// <remarks>
    /// Every nested record costs one DNS term, so <see cref="MaxDnsTerms"/> stops a loop first;
    /// this bound is a second guard that holds even if the term count were bypassed.
    /// </remarks>
    public const int MaxRecursionDepth = MaxDnsTerms + 1;

    /// <summary>The maximum length of one DNS label in octets.</summary>
    // RFC 1035 §2.3.4: labels are 63 octets or less.
    public const int MaxLabelLength = 63;

    /// <summary>The maximum length of a domain name in text form, without a trailing dot.</summary>
    // RFC 7208 §7.3: an expanded domain name longer than 253 characters is truncated from the left.
    public const int MaxDomainNameLength = 253;

    /// <summary>The default time budget of one evaluation, in seconds.</summary>
    // RFC 7208 §4.6.4: the elapsed-time limit SHOULD allow at least 20 seconds.
    public const int DefaultTimeBudgetSeconds = 20;
}
