using System.Threading.Tasks;

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
    /// syntax error in the text means "proceed as if no exp modifier was given". The lookup counts towards
    /// neither the DNS term limit nor the void lookup limit (RFC 7208 §4.6.4).
    /// </remarks>
    public static async Task<string?> BuildAsync(
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

        string? name = await context.ExpandTargetAsync(record.ExplanationTarget, domain).ConfigureAwait(false);
        if (name is null)
        {
            context.AddTrace(depth, domain, "exp", "the explanation target is not a valid domain name");
            return fallback;
        }

        DnsLookupResult answer = await context.LookupAsync(name, DnsQueryType.Txt).ConfigureAwait(false);
        if (answer.Status != DnsResponseStatus.Answer || answer.Strings.Count != 1)
        {
            context.AddTrace(depth, domain, "exp", $"{name} has no single TXT record ({answer.Status})");
            return fallback;
        }

        // RFC 7208 §6.2: explain-string = *( macro-string / SP ), so the text must be printable US-ASCII.
        if (!MacroString.TryParse(answer.Strings[0], MacroString.AllLetters, allowSpaces: true,
            out MacroString? text, out string error))
        {
            context.AddTrace(depth, domain, "exp", $"the explanation text of {name} is invalid: {error}");
            return fallback;
        }

        return await context.ExpandAsync(text!, domain).ConfigureAwait(false);
    }
}
