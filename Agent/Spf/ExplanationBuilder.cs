using System;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Builds the explanation of a fail result from the record's exp= modifier (RFC 7208 §6.2).
/// </summary>
internal static class ExplanationBuilder
{
    /// <summary>
    /// Returns the expanded explanation, or the configured default when the modifier is missing or unusable.
    /// </summary>
    /// <remarks>
    /// RFC 7208 §6.2: an empty or invalid target, a DNS error, no TXT record, more than one TXT record or a
    /// syntax error in the text means "proceed as if no exp modifier was given". A time budget that runs out
    /// during the lookup is such a DNS error, so the result stays fail with the default explanation. The
    /// lookup counts towards neither the DNS term limit nor the void lookup limit (RFC 7208 §4.6.4).
    /// </remarks>
    /// <exception cref="OperationCanceledException">The caller cancelled the evaluation.</exception>
    public static async SpfTask<string?> BuildAsync(
        SpfEvaluationContext context,
        SpfRecord record,
        string domain,
        int depth)
    {
        string? fallback = context.Options.DefaultExplanation;
        if (record.ExplanationTarget is null)
        {
            return fallback;
        }

        try
        {
            return await ExpandAsync(context, record.ExplanationTarget, domain, depth)
                ?? fallback;
        }
        catch (OperationCanceledException) when (!context.CallerCancellationToken.IsCancellationRequested)
        {
            // RFC 7208 §6.2: a DNS problem with exp= means proceeding as if there were no exp= modifier.
            string reason = context.IsBudgetExceeded
                ? "the time budget ran out"
                : "the resolver cancelled a lookup";
            context.AddTrace(depth, domain, "exp", $"no explanation, because {reason}");
            return fallback;
        }
    }

    // Returns null when the explanation cannot be used.
    private static async SpfTask<string?> ExpandAsync(
        SpfEvaluationContext context,
        DomainSpec target,
        string domain,
        int depth)
    {
        string? name = await context.ExpandTargetAsync(target, domain);
        if (name is null)
        {
            context.AddTrace(depth, domain, "exp", "the explanation target is not a valid domain name");
            return null;
        }

        DnsLookupResult answer = await context.LookupAsync(name, DnsQueryType.Txt);
        if (answer.Status != DnsResponseStatus.Answer || answer.Strings.Count != 1)
        {
            context.AddTrace(depth, domain, "exp", $"{name} has no single TXT record ({answer.Status})");
            return null;
        }

        // RFC 7208 §6.2: explain-string = *( macro-string / SP ), so the text must be printable US-ASCII.
        if (!MacroString.TryParse(answer.Strings[0], MacroString.AllLetters, allowSpaces: true,
            out MacroString? text, out string error))
        {
            context.AddTrace(depth, domain, "exp", $"the explanation text of {name} is invalid: {error}");
            return null;
        }

        return await context.ExpandAsync(text!, domain);
    }
}
