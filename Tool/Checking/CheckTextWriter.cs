using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>Writes the results of one check in a layout for people: one block per identity, then the trace.</summary>
internal static class CheckTextWriter
{
    private const int LabelWidth = 13;

    public static void Write(TextWriter output, CheckRequest request, IReadOnlyList<SpfCheckResult> results, bool trace)
    {
        WriteField(output, string.Empty, "Client IP", request.Client.ToString());
        WriteField(output, string.Empty, "HELO", request.Helo.Length == 0 ? "(none)" : request.Helo);
        WriteField(output, string.Empty, "MAIL FROM", request.MailFrom.Length == 0 ? "<> (null sender)" : request.MailFrom);
        foreach (SpfCheckResult result in results)
        {
            output.WriteLine();
            string identity = result.Identity == SpfIdentity.Helo ? "HELO" : "MAIL FROM";
            output.WriteLine($"{identity} identity: {result.Sender}");
            WriteField(output, "  ", "Result", SpfResultNames.ToRfcName(result.Result));
            WriteField(output, "  ", "Domain", result.Domain);
            WriteField(output, "  ", "Mechanism", result.Mechanism ?? NoMechanism(result.Result));
            if (result.Explanation is not null)
            {
                WriteField(output, "  ", "Explanation", result.Explanation);
            }

            if (result.Problem is not null)
            {
                WriteField(output, "  ", "Problem", result.Problem);
            }

            WriteField(output, "  ", "DNS", Counts(result));
            if (trace)
            {
                output.WriteLine("  Trace:");
                foreach (SpfTraceEntry entry in result.Trace)
                {
                    output.WriteLine("    " + entry);
                }
            }
        }
    }

    // RFC 7208 §4.7: neutral without a mechanism is the default result. The other results without one come from a
    // missing record or an error, which the problem line explains.
    private static string NoMechanism(SpfResult result) =>
        result == SpfResult.Neutral ? "(none matched: default result)" : "(none: see the problem)";

    private static string Counts(SpfCheckResult result) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} ({2} from the cache); DNS terms {3} of {4}; void lookups {5} of {6}; {7:0.###} ms",
            result.DnsQueryCount,
            result.DnsQueryCount == 1 ? "lookup" : "lookups",
            result.CacheHitCount,
            result.DnsTermCount,
            SpfLimits.MaxDnsTerms,
            result.VoidLookupCount,
            SpfLimits.MaxVoidLookups,
            result.Elapsed.TotalMilliseconds);

    private static void WriteField(TextWriter output, string indent, string label, string value) =>
        output.WriteLine(indent + (label + ":").PadRight(LabelWidth) + " " + value);
}
