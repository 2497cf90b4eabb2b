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
            WriteField(output, "  ", "Mechanism", result.Mechanism ?? "(none matched: default result)");
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

    private static string Counts(SpfCheckResult result) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} lookups ({1} from the cache); DNS terms {2} of {3}; void lookups {4} of {5}; {6:0.###} ms",
            result.DnsQueryCount,
            result.CacheHitCount,
            result.DnsTermCount,
            SpfLimits.MaxDnsTerms,
            result.VoidLookupCount,
            SpfLimits.MaxVoidLookups,
            result.Elapsed.TotalMilliseconds);

    private static void WriteField(TextWriter output, string indent, string label, string value) =>
        output.WriteLine(indent + (label + ":").PadRight(LabelWidth) + " " + value);
}
