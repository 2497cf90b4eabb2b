using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// <c>spfagent check --jsonl</c> with string escapes that are valid JSON but not valid UTF-16 text. Such a request
/// gets an error reply with its line, and the run goes on.
/// </summary>
public sealed class CheckJsonLinesEscapeTests
{
    // Columns: a request whose string contains an unpaired surrogate escape, the field it is in.
    public static TheoryData<string, string> UnpairedSurrogates => new()
    {
        { """{"id":1,"ip":"192.0.2.1","mailfrom":"\ud800@bigmail.example"}""", "mailfrom" },
        { """{"id":1,"ip":"192.0.2.1\udc00","mailfrom":"a@bigmail.example"}""", "ip" },
        { """{"id":1,"ip":"192.0.2.1","mailfrom":"a@bigmail.example","helo":"mx\ud800.example"}""", "helo" },
    };

    [Theory]
    [MemberData(nameof(UnpairedSurrogates))]
    public void UnpairedSurrogateIsRequestError(string request, string field)
    {
        string[] lines =
        {
            request,
            """{"id":2,"ip":"192.0.2.99","mailfrom":"ceo@woodgrovebank.example"}""",
        };

        ToolResult result = ToolRunner.RunWithInput(
            string.Join("\n", lines) + "\n", "check", "--jsonl", "--zone", ToolRunner.SampleZones);

        Assert.True(result.ExitCode == 1, $"{field}: {result}");
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        List<JsonElement> replies = result.Output.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(1, replies[0].GetProperty("line").GetInt32());
        Assert.True(replies[0].TryGetProperty("error", out _), replies[0].ToString());
        Assert.Equal("fail", replies[1].GetProperty("result").GetString());
    }
}
