using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>
/// Writes the report as one self-contained HTML page: inline CSS and inline SVG charts, no script and no link to
/// any other resource.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly string[] s_resultOrder =
    {
        "pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", ReportStatistics.NotChecked,
    };

    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1000px; color: #263238; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; }
        th, td { border: 1px solid #cfd8dc; padding: 0.25em 0.6em; text-align: left; }
        td.count { text-align: right; }
        figure.chart { margin: 1em 0; } figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { color: #546e7a; font-size: 0.9em; }
        """;

    public static string Write(ReportStatistics statistics, IReadOnlyList<string> files)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<title>SPF agent decision report</title>");
        html.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        html.AppendLine("<h1>SPF agent decision report</h1>");
        html.Append("<p>").Append(Count(statistics.Count)).Append(" decisions from ").Append(Count(files.Count))
            .Append(" decision log file(s)");
        if (statistics.First is { } first && statistics.Last is { } last)
        {
            html.Append(", ").Append(Time(first)).Append(" to ").Append(Time(last)).Append(" UTC");
        }

        html.AppendLine(".</p>");
        Table(html, "Results", "Result", statistics.Results);
        Table(html, "Actions", "Action", statistics.Actions);

        TimeSpan bucket = statistics.BucketSize;
        var results = s_resultOrder.Where(name => statistics.Results.Any(r => r.Name == name)).ToList();
        Chart(html, "results-over-time", "SPF results of the deciding identity, per time bucket.",
            ReportCharts.OverTime("SPF results over time", statistics.OverTime(ReportStatistics.ResultOf), results, bucket));
        IEnumerable<string> actions = statistics.Actions.Select(a => a.Name);
        Chart(html, "actions-over-time", "Actions the agent applied (or, in log-only mode, would have applied).",
            ReportCharts.OverTime("Actions over time", statistics.OverTime(e => e.Action), actions, bucket));

        IReadOnlyList<(string Domain, int Fail, int SoftFail)> domains = statistics.TopFailingDomains;
        Chart(html, "top-failing-domains",
            "MAIL FROM domains (HELO for the null sender) with the most fail and softfail results.",
            ReportCharts.Bars(
                "Top failing sender domains",
                domains.Select(d => d.Domain).ToList(),
                new (string, IReadOnlyList<int>)[]
                {
                    ("fail", domains.Select(d => d.Fail).ToList()),
                    ("softfail", domains.Select(d => d.SoftFail).ToList()),
                }));
        Chart(html, "top-origin-ips", "Originating IPs with the most decisions.",
            SingleBars("Top origin IPs", statistics.TopOriginIps));
        Chart(html, "origin-sources", "Where the originating IP came from; Peer means the SMTP peer was not a trusted relay.",
            SingleBars("Origin sources", statistics.OriginSources));
        Chart(
            html,
            "header-problems",
            "Messages whose origin headers the agent could not use. A repeated or invalid header gives no origin, so "
                + "the message is stamped none. A header naming a trusted relay passes to the next source. An untrusted "
                + "peer is checked itself.",
            SingleBars("Ambiguous and untrusted headers", statistics.HeaderProblems));
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string SingleBars(string title, IReadOnlyList<(string Name, int Count)> rows) =>
        ReportCharts.Bars(
            title,
            rows.Select(r => r.Name).ToList(),
            new (string, IReadOnlyList<int>)[] { (title, rows.Select(r => r.Count).ToList()) });

    private static void Chart(StringBuilder html, string id, string caption, string svg)
    {
        html.Append("<figure class=\"chart\" id=\"").Append(id).AppendLine("\">");
        html.AppendLine(svg);
        html.Append("<figcaption>").Append(Encode(caption)).AppendLine("</figcaption></figure>");
    }

    private static void Table(StringBuilder html, string title, string column, IReadOnlyList<(string Name, int Count)> rows)
    {
        html.Append("<h2>").Append(Encode(title)).AppendLine("</h2>");
        html.Append("<table><tr><th>").Append(Encode(column)).AppendLine("</th><th>Messages</th></tr>");
        foreach ((string name, int count) in rows)
        {
            html.Append("<tr><td>").Append(Encode(name)).Append("</td><td class=\"count\">").Append(Count(count))
                .AppendLine("</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
