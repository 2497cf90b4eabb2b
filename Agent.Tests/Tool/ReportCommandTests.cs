using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary><c>spfagent report</c> over the decision log of a sample replay, checked in headless Chromium.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string[] s_charts =
    {
        "results-over-time", "actions-over-time", "top-failing-domains", "top-origin-ips", "origin-sources", "header-problems",
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spfagent-report-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Logs => Path.Combine(_folder, "logs");

    private string Page => Path.Combine(_folder, "report.html");

    [Fact]
    public void ReportIsSelfContained()
    {
        WriteSampleLog();

        ToolResult result = ToolRunner.Run("report", Logs, "--out", Page);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Wrote {Page}: 32 decisions from 1 log file(s).\n", result.Output);
        string html = File.ReadAllText(Page);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, @"\b(src|href)\s*=", RegexOptions.IgnoreCase));
        IEnumerable<string> addresses = Regex.Matches(html, @"https?://[^\s""'<>)]+").Cast<Match>().Select(m => m.Value).Distinct();
        Assert.Equal(new[] { "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg" }, addresses.OrderBy(a => a, StringComparer.Ordinal));
        foreach (string chart in s_charts)
        {
            Assert.Contains($"<figure class=\"chart\" id=\"{chart}\">", html, StringComparison.Ordinal);
        }
    }

    [ChromiumFact]
    public void ChartsRenderWithData()
    {
        WriteSampleLog();
        Assert.Equal(0, ToolRunner.Run("report", Logs, "--out", Page).ExitCode);

        Dictionary<string, (double Width, double Height, int Marks)> charts = Probe(Page);

        Assert.Equal(s_charts.OrderBy(c => c, StringComparer.Ordinal), charts.Keys.OrderBy(c => c, StringComparer.Ordinal));
        foreach (KeyValuePair<string, (double Width, double Height, int Marks)> chart in charts)
        {
            Assert.True(chart.Value.Width > 300, $"{chart.Key} is {chart.Value.Width} pixels wide");
            Assert.True(chart.Value.Height > 100, $"{chart.Key} is {chart.Value.Height} pixels high");
            Assert.True(chart.Value.Marks > 0, $"{chart.Key} shows no data marks");
        }

        // The sample log has ten or more distinct origin IPs, so the top list shows ten bars.
        Assert.True(charts["top-origin-ips"].Marks >= 10, $"top-origin-ips has {charts["top-origin-ips"].Marks} marks");
    }

    [ChromiumFact]
    public void ChartWithoutDataShowsNoMarks()
    {
        Directory.CreateDirectory(Logs);
        File.WriteAllText(
            Path.Combine(Logs, "Decision_20261204.log"),
            "#Fields: date-time,session-id,message-id,connector-endpoint,peer-ip,origin-ip,origin-source,helo,mail-from,"
                + "identity,result,mechanism,action,smtp-response,elapsed-ms,dns-queries,cache-hits,reason\n"
                + "\"2026-12-04T10:00:00.000Z\",\"1\",\"<a@example.com>\",\"\",\"198.51.100.10\",\"203.0.113.10\",\"Header\","
                + "\"mx1.bigmail.example\",\"alice@bigmail.example\",\"mailfrom\",\"pass\",\"mx\",\"Stamp\",\"\",\"1\",\"2\",\"0\",\"ok\"\n");
        Assert.Equal(0, ToolRunner.Run("report", Logs, "--out", Page).ExitCode);

        Dictionary<string, (double Width, double Height, int Marks)> charts = Probe(Page);

        Assert.Equal(0, charts["top-failing-domains"].Marks);
        Assert.True(charts["top-origin-ips"].Marks > 0, "top-origin-ips shows no data marks");
    }

    [Fact]
    public void DamagedLineIsSkippedWithFileAndLine()
    {
        WriteSampleLog();
        string log = Directory.GetFiles(Logs).Single();
        File.AppendAllText(log, "\"2026-12-04T10:00:00.000Z\",\"unterminated\r\n");

        ToolResult result = ToolRunner.Run("report", Logs, "--out", Page);

        Assert.True(result.ExitCode == 1, result.ToString());
        int line = File.ReadAllLines(log).Length;
        Assert.Contains($"{log}, line {line}: skipped: A quoted field is not closed", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Page));
    }

    [Fact]
    public void FolderWithoutLogsIsInvalidInput()
    {
        ToolResult result = ToolRunner.Run("report", _folder, "--out", Page);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("No decision log found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOutIsUsageError()
    {
        Assert.Equal(2, ToolRunner.Run("report", _folder).ExitCode);
    }

    private void WriteSampleLog()
    {
        ToolResult replay = ToolRunner.Run(
            "replay", ToolRunner.SampleMessages, "--config", ToolRunner.SampleConfig, "--zone", ToolRunner.SampleZones, "--decision-log", Logs);
        Assert.True(replay.ExitCode == 0, replay.ToString());
    }

    // Runs the page with the probe appended in Chromium and reads the probe's result out of the DOM.
    private Dictionary<string, (double Width, double Height, int Marks)> Probe(string page)
    {
        string html = File.ReadAllText(page);
        string probed = Path.Combine(_folder, "probed.html");
        File.WriteAllText(probed, html.Replace("</body>", "<script>" + ChartProbe.Script + "</script></body>"));

        string dom = HeadlessChromium.DumpDom(probed);

        Match match = Regex.Match(dom, $"<pre id=\"{ChartProbe.ElementId}\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "The probe wrote no result; Chromium returned: " + dom.Substring(0, Math.Min(dom.Length, 500)));
        using JsonDocument document = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
        return document.RootElement.EnumerateArray().ToDictionary(
            chart => chart.GetProperty("id").GetString()!,
            chart => (chart.GetProperty("width").GetDouble(), chart.GetProperty("height").GetDouble(), chart.GetProperty("marks").GetInt32()));
    }
}
