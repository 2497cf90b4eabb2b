using System;
using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Logging;
using Xunit;

namespace ExchangeSpfAgent.Tests.Logging;

public sealed class DecisionLogFormatTests
{
    public static TheoryData<string> HostileValues => new()
    {
        "plain",
        "",
        "comma, inside",
        "\"quoted\" and \"\"doubled\"\"",
        "line one\r\nline two",
        "bare\rreturn and bare\nfeed",
        "\r\n\"injected\",\"field\"\r\n#Fields: fake",
        "tab\there and NUL\0 and bell\a and DEL\u007f",
        "C1 \u0085 next line, \u2028 line separator, \u2029 paragraph",
        "back\\slash \\r not an escape \\x41",
        "non-ASCII: Grüße, 日本語, émoji 😀",
        "lone surrogate \ud800 here",
        "{braces} {0} ${message} %s",
        "trailing backslash \\",
    };

    [Fact]
    public void HeaderHasExchangeLogLines()
    {
        string[] lines = DecisionLogFormat.FormatHeader("1.2.3.4", new DateTimeOffset(2025, 3, 4, 5, 6, 7, 89, TimeSpan.Zero))
            .Split(new[] { "\r\n" }, StringSplitOptions.None);

        Assert.Equal(
            new[]
            {
                "#Software: ExchangeSpfAgent",
                "#Version: 1.2.3.4",
                "#Log-type: SPF Decision Log",
                "#Date: 2025-03-04T05:06:07.089Z",
                "#Fields: " + string.Join(",", DecisionLogFormat.Fields),
            },
            lines);
    }

    [Fact]
    public void FieldsFollowRecordOrder()
    {
        Assert.Equal(
            "date-time,session-id,message-id,connector-endpoint,peer-ip,origin-ip,origin-source,helo,mail-from,"
                + "identity,result,mechanism,action,smtp-response,elapsed-ms,dns-queries,cache-hits,reason",
            string.Join(",", DecisionLogFormat.Fields));
    }

    [Fact]
    public void LineHoldsEveryField()
    {
        DecisionRecord record = SampleRecord("x");

        IReadOnlyList<string> fields = CsvReader.ParseLine(DecisionLogFormat.FormatLine(record));

        Assert.Equal(
            new[]
            {
                "2025-03-04T05:06:07.089Z", "08DD0000000001A2", "<id@example.com>", "192.0.2.25:25", "198.51.100.10",
                "203.0.113.5", "Header", "mail.example.net", "x@example.net", "mailfrom", "fail", "-all", "Reject",
                "550 5.7.23 SPF check failed", "42", "3", "2", "x",
            },
            fields);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void HostileValueStaysInItsField(string value)
    {
        DecisionRecord record = HostileRecord(value);

        string line = DecisionLogFormat.FormatLine(record);
        IReadOnlyList<string> fields = CsvReader.ParseLine(line);

        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u0085', line);
        Assert.DoesNotContain('\u2028', line);
        Assert.DoesNotContain('\u2029', line);
        Assert.Equal(DecisionLogFormat.Fields.Count, fields.Count);
        Assert.Equal(Expected(record), fields.Select(DecisionLogFormat.Unescape).ToArray());
    }

    [Fact]
    public void LineBreakIsEscaped()
    {
        string line = DecisionLogFormat.FormatLine(new DecisionRecord { Reason = "a\r\nb\\c" });

        Assert.EndsWith(",\"a\\r\\nb\\\\c\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void NonAsciiIsWrittenAsIs()
    {
        string line = DecisionLogFormat.FormatLine(new DecisionRecord { Helo = "Grüße.example" });

        Assert.Contains("\"Grüße.example\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ends with \\")]
    [InlineData("unknown \\q escape")]
    [InlineData("short \\x4")]
    [InlineData("bad hex \\uZZZZ")]
    public void UnescapeRejectsBrokenEscapes(string field)
    {
        Assert.Throws<FormatException>(() => DecisionLogFormat.Unescape(field));
    }

    internal static DecisionRecord SampleRecord(string reason) => new()
    {
        Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 89, TimeSpan.Zero),
        SessionId = "08DD0000000001A2",
        MessageId = "<id@example.com>",
        ConnectorEndPoint = "192.0.2.25:25",
        PeerIp = "198.51.100.10",
        OriginIp = "203.0.113.5",
        OriginSource = "Header",
        Helo = "mail.example.net",
        MailFrom = "x@example.net",
        Identity = "mailfrom",
        Result = "fail",
        Mechanism = "-all",
        Action = "Reject",
        SmtpResponse = "550 5.7.23 SPF check failed",
        ElapsedMilliseconds = 42,
        DnsQueries = 3,
        CacheHits = 2,
        Reason = reason,
    };

    // Every text field carries the hostile value, so no position is left untested.
    private static DecisionRecord HostileRecord(string value) => new()
    {
        Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 89, TimeSpan.Zero),
        SessionId = value,
        MessageId = value,
        ConnectorEndPoint = value,
        PeerIp = value,
        OriginIp = value,
        OriginSource = value,
        Helo = value,
        MailFrom = value,
        Identity = value,
        Result = value,
        Mechanism = value,
        Action = value,
        SmtpResponse = value,
        ElapsedMilliseconds = 7,
        DnsQueries = 8,
        CacheHits = 9,
        Reason = value,
    };

    private static string[] Expected(DecisionRecord r) => new[]
    {
        "2025-03-04T05:06:07.089Z", r.SessionId, r.MessageId, r.ConnectorEndPoint, r.PeerIp, r.OriginIp,
        r.OriginSource, r.Helo, r.MailFrom, r.Identity, r.Result, r.Mechanism, r.Action, r.SmtpResponse, "7", "8",
        "9", r.Reason,
    };
}
