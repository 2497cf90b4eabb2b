using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExchangeSpfAgent.Tests.Infrastructure;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary><c>spfagent check --jsonl</c>: JSON requests on standard input, one JSON result per line.</summary>
public sealed class CheckJsonLinesTests
{
    private static readonly string[] s_requests =
    {
        """{"id":"pass","ip":"203.0.113.10","mailfrom":"alice@bigmail.example","helo":"mx1.bigmail.example"}""",
        """{"id":2,"ip":"192.0.2.99","mailfrom":"ceo@woodgrovebank.example"}""",
        """{"id":"null-sender","ip":"203.0.113.10","mailfrom":"","helo":"mx1.bigmail.example"}""",
        """{"id":"mapped","ip":"::ffff:192.0.2.10","mailfrom":"a@woodgrovebank.example"}""",
        """{"id":"ipv6","ip":"2001:db8:4860::25","mailfrom":"carol@bigmail.example"}""",
        """{"id":"softfail","ip":"203.0.113.120","mailfrom":"sales@northwind.example"}""",
        """{"id":"neutral","ip":"203.0.113.130","mailfrom":"info@fourthcoffee.example"}""",
        """{"id":"none","ip":"203.0.113.90","mailfrom":"support@proseware.example"}""",
        """{"id":"permerror","ip":"203.0.113.140","mailfrom":"billing@litware.example"}""",
        """{"id":"limit","ip":"203.0.113.150","mailfrom":"marketing@adatum.example"}""",
        """{"id":"exists","ip":"203.0.113.50","mailfrom":"orders@tailspin.example"}""",
        """{"ip":"203.0.113.99","mailfrom":"orders@tailspin.example"}""",
    };

    private static readonly string[] s_expectedResults =
    {
        "pass", "fail", "pass", "pass", "pass", "softfail", "neutral", "none", "permerror", "permerror", "pass", "fail",
    };

    private static List<JsonElement> Replies(ToolResult result) =>
        result.Output.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    private static ToolResult RunJsonLines(IEnumerable<string> lines, params string[] arguments) =>
        ToolRunner.RunWithInput(
            string.Join("\n", lines) + "\n",
            new[] { "check", "--jsonl" }.Concat(arguments).ToArray());

    [Fact]
    public void RepliesComeInInputOrder()
    {
        ToolResult result = RunJsonLines(s_requests, "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 0, result.ToString());
        List<JsonElement> replies = Replies(result);
        Assert.Equal(s_expectedResults, replies.Select(r => r.GetProperty("result").GetString()));
        Assert.Equal("pass", replies[0].GetProperty("id").GetString());
        Assert.Equal(2, replies[1].GetProperty("id").GetInt32());
        Assert.False(replies[11].TryGetProperty("id", out _));
    }

    [Fact]
    public void ReplyHasEveryField()
    {
        ToolResult result = RunJsonLines(s_requests.Take(2), "--zone", ToolRunner.SampleZones);

        JsonElement fail = Replies(result)[1];
        Assert.Equal("-all", fail.GetProperty("mechanism").GetString());
        Assert.Equal(
            "192.0.2.99 is not allowed to send mail for woodgrovebank.example. See https://woodgrovebank.example/email",
            fail.GetProperty("explanation").GetString());
        Assert.Equal(2, fail.GetProperty("dnsQueries").GetInt32());
        Assert.Equal(0, fail.GetProperty("voidLookups").GetInt32());
        Assert.True(fail.GetProperty("elapsedMicroseconds").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Null, Replies(result)[0].GetProperty("explanation").ValueKind);
    }

    [Fact]
    public void BadRequestsGetErrorsAndRunGoesOn()
    {
        string[] lines =
        {
            "not json",
            """{"id":1,"mailfrom":"a@bigmail.example"}""",
            """{"id":2,"ip":"192.0.2.300","mailfrom":"a@bigmail.example"}""",
            """{"id":3,"ip":"192.0.2.1","mailfrom":5}""",
            "[1,2]",
            "",
            """{"id":{"nested":true},"ip":"192.0.2.99","mailfrom":"x@woodgrovebank.example"}""",
        };

        ToolResult result = RunJsonLines(lines, "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 1, result.ToString());
        List<JsonElement> replies = Replies(result);
        Assert.Equal(6, replies.Count);
        Assert.Contains("not valid JSON at byte ", replies[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", replies[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"ip\"", replies[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("192.0.2.300", replies[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("must be a string", replies[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("not a JSON object", replies[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("fail", replies[5].GetProperty("result").GetString());
        Assert.True(replies[5].GetProperty("id").GetProperty("nested").GetBoolean());
        Assert.Equal(2, replies[2].GetProperty("id").GetInt32());
    }

    [Fact]
    public void ErrorsNameTheirInputLine()
    {
        string[] lines =
        {
            "",
            "not json",
            s_requests[1],
            "   ",
            """{"id":4,"mailfrom":"a@bigmail.example"}""",
            """{"id":5,"ip":"192.0.2.300","mailfrom":"a@bigmail.example"}""",
        };

        ToolResult result = RunJsonLines(lines, "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 1, result.ToString());
        List<JsonElement> replies = Replies(result);
        Assert.Equal(4, replies.Count);
        Assert.Equal(2, replies[0].GetProperty("line").GetInt32());
        Assert.False(replies[1].TryGetProperty("line", out _));
        Assert.Equal(5, replies[2].GetProperty("line").GetInt32());
        Assert.Equal(6, replies[3].GetProperty("line").GetInt32());
        Assert.Equal(5, replies[3].GetProperty("id").GetInt32());
    }

    [Fact]
    public void NullSenderWithoutHeloIsError()
    {
        string[] lines =
        {
            """{"id":1,"ip":"203.0.113.10","mailfrom":""}""",
            """{"id":2,"ip":"203.0.113.10","mailfrom":"<>","helo":" "}""",
            """{"id":3,"ip":"203.0.113.10","mailfrom":"<>","helo":null}""",
            """{"id":4,"ip":"203.0.113.10","mailfrom":"<>","helo":"mx1.bigmail.example"}""",
        };

        ToolResult result = RunJsonLines(lines, "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 1, result.ToString());
        List<JsonElement> replies = Replies(result);
        Assert.Equal(4, replies.Count);
        for (int index = 0; index < 3; index++)
        {
            string error = replies[index].GetProperty("error").GetString()!;
            Assert.StartsWith("The null sender", error, StringComparison.Ordinal);
            Assert.Contains("\"helo\"", error, StringComparison.Ordinal);
            Assert.Equal(index + 1, replies[index].GetProperty("line").GetInt32());
        }

        Assert.Equal("pass", replies[3].GetProperty("result").GetString());
    }

    [Fact]
    public void CacheIsSharedUnlessNoCache()
    {
        string[] twice = { s_requests[0], s_requests[0] };

        List<JsonElement> cached = Replies(RunJsonLines(twice, "--zone", ToolRunner.SampleZones));
        List<JsonElement> uncached = Replies(RunJsonLines(twice, "--zone", ToolRunner.SampleZones, "--no-cache"));

        Assert.Equal(0, cached[0].GetProperty("cacheHits").GetInt32());
        Assert.Equal(cached[1].GetProperty("dnsQueries").GetInt32(), cached[1].GetProperty("cacheHits").GetInt32());
        Assert.Equal(0, uncached[1].GetProperty("cacheHits").GetInt32());
    }

    [Fact]
    public void DefaultExplanationAppliesWithoutExp()
    {
        string[] forged = { """{"ip":"192.0.2.150","mailfrom":"ceo@fabrikam.example"}""" };

        JsonElement plain = Replies(RunJsonLines(forged, "--zone", ToolRunner.SampleZones)).Single();
        JsonElement explained = Replies(RunJsonLines(
            forged, "--zone", ToolRunner.SampleZones, "--default-explanation", "Not authorized by SPF")).Single();

        Assert.Equal("fail", plain.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("explanation").ValueKind);
        Assert.Equal("Not authorized by SPF", explained.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task EachReplyIsFlushedAtOnce()
    {
        using Process process = ToolRunner.Start("check", "--jsonl", "--zone", ToolRunner.SampleZones);
        try
        {
            foreach (string request in s_requests.Take(3))
            {
                await process.StandardInput.WriteLineAsync(request);
                await process.StandardInput.FlushAsync();
                Task<string?> line = process.StandardOutput.ReadLineAsync();
                Task finished = await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(60)));

                Assert.True(finished == line, "No reply arrived while standard input stayed open.");
                Assert.StartsWith("{", await line, StringComparison.Ordinal);
            }
        }
        finally
        {
            process.StandardInput.Close();
            process.WaitForExit();
        }
    }

    [NsdFact]
    public void NsdAndZoneFilesAgree()
    {
        List<NsdZone> zones = Directory.GetFiles(ToolRunner.SampleZones, "*.zone")
            .Select(path => new NsdZone(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
        using NsdServer server = NsdServer.Start(zones);

        ToolResult fromNsd = RunJsonLines(s_requests, "--dns-server", "127.0.0.1:" + server.EndPoint.Port);
        ToolResult fromFiles = RunJsonLines(s_requests, "--zone", ToolRunner.SampleZones);

        Assert.True(fromNsd.ExitCode == 0, fromNsd.ToString());
        List<JsonElement> nsd = Replies(fromNsd);
        List<JsonElement> files = Replies(fromFiles);
        Assert.Equal(s_expectedResults, nsd.Select(r => r.GetProperty("result").GetString()));
        foreach (string field in new[] { "result", "mechanism", "explanation", "dnsQueries", "voidLookups" })
        {
            Assert.Equal(files.Select(r => r.GetProperty(field).ToString()), nsd.Select(r => r.GetProperty(field).ToString()));
        }
    }

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        ToolResult result = ToolRunner.RunWithInput(
            "\uFEFF{\"id\":1,\"ip\":\"192.0.2.99\",\"mailfrom\":\"ceo@woodgrovebank.example\"}\n",
            "check", "--jsonl", "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement reply = JsonDocument.Parse(result.Output.Trim()).RootElement;
        Assert.Equal("fail", reply.GetProperty("result").GetString());
    }
}
