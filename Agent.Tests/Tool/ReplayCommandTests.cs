using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary><c>spfagent replay</c> run as a process over the sample deployment.</summary>
public sealed class ReplayCommandTests
{
    private static ToolResult Replay(params string[] arguments) =>
        ToolRunner.Run(new[] { "replay" }
            .Concat(arguments)
            .Concat(new[] { "--config", ToolRunner.SampleConfig, "--zone", ToolRunner.SampleZones })
            .ToArray());

    private static Dictionary<string, JsonElement> ReplayJson(params string[] arguments)
    {
        ToolResult result = Replay(arguments.Concat(new[] { "--json" }).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(element => element.GetProperty("file").GetString()!);
    }

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    [Fact]
    public void SamplesGiveExpectedDecisions()
    {
        Dictionary<string, JsonElement> decisions = ReplayJson(ToolRunner.SampleMessages);
        IReadOnlyList<ExpectedDecision> expected = ExpectedDecision.Load();

        Assert.Equal(expected.Select(e => e.File).OrderBy(f => f, StringComparer.Ordinal), decisions.Keys.OrderBy(f => f, StringComparer.Ordinal));
        foreach (ExpectedDecision row in expected)
        {
            JsonElement decision = decisions[row.File];
            JsonElement origin = decision.GetProperty("origin");
            string actual = string.Join(
                " | ",
                Text(origin, "ip") ?? "-",
                Text(origin, "source"),
                Text(decision, "result"),
                Text(decision, "action"),
                Text(decision, "response")?.Substring(0, 3) ?? "-");
            string expectedRow = string.Join(" | ", row.OriginIp ?? "-", row.OriginSource, row.Result, row.Action, row.ResponseCode ?? "-");
            Assert.True(expectedRow == actual, $"{row.File}: expected {expectedRow}, replay gave {actual}");
        }
    }

    [Fact]
    public void TableHasRowPerMessageAndTotals()
    {
        ToolResult result = Replay(ToolRunner.SampleMessages);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("MESSAGE ", lines[0], StringComparison.Ordinal);
        IReadOnlyList<ExpectedDecision> expected = ExpectedDecision.Load();
        foreach (ExpectedDecision row in expected)
        {
            string line = Assert.Single(lines, l => l.StartsWith(row.File + " ", StringComparison.Ordinal));
            Assert.Contains(" " + row.Action + " ", line, StringComparison.Ordinal);
        }

        Assert.Equal("", lines[lines.Length - 2]);
        Assert.Equal(
            $"{expected.Count} messages replayed, 0 unreadable. Actions: Discard 1, Reject 7, Stamp 24. "
                + "Results: fail 8, neutral 1, none 4, pass 14, permerror 2, softfail 2, temperror 1.",
            lines[lines.Length - 1]);
    }

    [Fact]
    public void JsonListsEveryReceivedHop()
    {
        JsonElement decision = ReplayJson(Path.Combine(ToolRunner.SampleMessages, "28-relay-chain-two-appliances-pass.eml")).Values.Single();
        JsonElement[] hops = decision.GetProperty("received").EnumerateArray().ToArray();

        Assert.Equal(5, hops.Length);
        Assert.Equal(new[] { "198.51.100.10", "127.0.0.1", "198.51.100.11", "203.0.113.40", "192.168.1.23" }, hops.Select(h => Text(h, "sendingIp")));
        Assert.Equal(new[] { true, true, true, false, false }, hops.Select(h => h.GetProperty("trusted").GetBoolean()));
        Assert.Equal(new[] { true, true, true, true, false }, hops.Select(h => h.GetProperty("examined").GetBoolean()));
        Assert.All(hops, h => Assert.True(h.GetProperty("networkHandover").GetBoolean()));
        Assert.Equal("mail.fabrikam.example", Text(hops[3], "helo"));
        Assert.Equal("mail.fabrikam.example", Text(hops[3], "reverseDns"));
        Assert.Equal("appliance2.contoso.example", Text(hops[3], "receivingHost"));
        Assert.Equal("ex01.contoso.example", Text(hops[0], "receivingHost"));
        Assert.Equal("ReceivedChain", Text(decision.GetProperty("origin"), "source"));
        Assert.Equal("Received", Text(decision, "peerSource"));
        Assert.Equal("Return-Path", Text(decision, "mailFromSource"));
    }

    [Fact]
    public void JsonShowsHeadersAndReply()
    {
        Dictionary<string, JsonElement> decisions = ReplayJson(ToolRunner.SampleMessages);

        JsonElement stamped = decisions["01-bigmail-include-chain-pass.eml"];
        string[] added = stamped.GetProperty("headersAdded").EnumerateArray().Select(h => h.GetString()!).ToArray();
        Assert.StartsWith("Received-SPF: pass (ex01.contoso.example: ", added[0], StringComparison.Ordinal);
        Assert.StartsWith("Authentication-Results: ex01.contoso.example; spf=pass", added[1], StringComparison.Ordinal);

        JsonElement rejected = decisions["09-woodgrovebank-forged-fail.eml"];
        Assert.Equal(
            "550 5.7.23 192.0.2.99 is not allowed to send mail for woodgrovebank.example. See https://woodgrovebank.example/email",
            Text(rejected, "response"));
        Assert.Empty(rejected.GetProperty("headersAdded").EnumerateArray());
    }

    [Fact]
    public void PeerOptionReplacesReceivedPeer()
    {
        string file = Path.Combine(ToolRunner.SampleMessages, "23-untrusted-peer-forged-header.eml");

        JsonElement asSaved = ReplayJson(file).Values.Single();
        JsonElement fromAppliance = ReplayJson(file, "--peer", "198.51.100.10").Values.Single();

        Assert.Equal("Peer", Text(asSaved.GetProperty("origin"), "source"));
        Assert.Equal("Reject", Text(asSaved, "action"));
        Assert.Equal("Header", Text(fromAppliance.GetProperty("origin"), "source"));
        Assert.Equal("192.0.2.10", Text(fromAppliance.GetProperty("origin"), "ip"));
        Assert.Equal("option", Text(fromAppliance, "peerSource"));
        Assert.Equal("Stamp", Text(fromAppliance, "action"));
    }

    [Fact]
    public void DecisionLogHasLinePerMessage()
    {
        string folder = TemporaryFolder();
        try
        {
            ToolResult result = Replay(ToolRunner.SampleMessages, "--decision-log", folder);

            Assert.True(result.ExitCode == 0, result.ToString());
            string log = Assert.Single(Directory.GetFiles(folder, "Decision_*.log"));
            string[] lines = File.ReadAllLines(log);
            Assert.Contains(lines, line => line.StartsWith("#Fields: date-time,session-id,message-id,", StringComparison.Ordinal));
            string[] decisions = lines.Where(line => line.StartsWith("\"", StringComparison.Ordinal)).ToArray();
            Assert.Equal(ExpectedDecision.Load().Count, decisions.Length);
            Assert.All(decisions, line => Assert.StartsWith("\"2026-12-0", line, StringComparison.Ordinal));
            Assert.Empty(Directory.GetFiles(folder, "Diagnostic_*.log"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void UnreadableMessageIsReportedAndRunGoesOn()
    {
        string folder = TemporaryFolder();
        try
        {
            File.Copy(Path.Combine(ToolRunner.SampleMessages, "01-bigmail-include-chain-pass.eml"), Path.Combine(folder, "a-good.eml"));
            File.WriteAllText(Path.Combine(folder, "b-broken.eml"), "Subject: fine\r\nthis line is not a header\r\n\r\nbody\r\n");

            ToolResult result = Replay(folder);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("b-broken.eml  ERROR ", result.Output, StringComparison.Ordinal);
            Assert.Contains("b-broken.eml, line 2: The line is not a header field", result.Output, StringComparison.Ordinal);
            Assert.Contains("1 messages replayed, 1 unreadable.", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void UnendedHugeHeaderLineIsReported()
    {
        string folder = TemporaryFolder();
        try
        {
            string sample = Path.Combine(ToolRunner.SampleMessages, "01-bigmail-include-chain-pass.eml");
            File.Copy(sample, Path.Combine(folder, "a-good.eml"));
            File.WriteAllText(Path.Combine(folder, "b-huge.eml"), "Subject: " + new string('a', 2 * 1024 * 1024));

            ToolResult result = Replay(folder);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(
                "b-huge.eml, line 1: The header is longer than 1048576 characters.", result.Output, StringComparison.Ordinal);
            Assert.Contains("1 messages replayed, 1 unreadable.", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingPathIsInvalidInput()
    {
        ToolResult result = Replay("no-such-folder");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no-such-folder does not exist", result.Error, StringComparison.Ordinal);
    }

    private static string TemporaryFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "spfagent-replay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
