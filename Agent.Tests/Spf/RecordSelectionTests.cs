using System;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Selection of the SPF record from a TXT answer (RFC 7208 §4.5) and its memo on the answer.
/// </summary>
public sealed class RecordSelectionTests
{
    [Fact]
    public void SingleRecordIsParsed()
    {
        RecordSelection selection = RecordSelection.Select(new[] { "google-site-verification=abc", "v=spf1 ip4:192.0.2.0/24 -all" });

        Assert.Equal(1, selection.CandidateCount);
        Assert.NotNull(selection.Record);
        Assert.Equal("v=spf1 ip4:192.0.2.0/24 -all", selection.Record!.Text);
        Assert.Null(selection.ParseError);
    }

    [Fact]
    public void NoVersionTagSelectsNothing()
    {
        RecordSelection selection = RecordSelection.Select(new[] { "v=spf10 -all", "hello" });

        Assert.Equal(0, selection.CandidateCount);
        Assert.Null(selection.Record);
        Assert.Null(selection.CandidateText);
    }

    [Fact]
    public void TwoRecordsAreCounted()
    {
        RecordSelection selection = RecordSelection.Select(new[] { "v=spf1 -all", "v=spf1 +all" });

        Assert.Equal(2, selection.CandidateCount);
        Assert.Null(selection.Record);
    }

    [Fact]
    public void InvalidRecordKeepsError()
    {
        RecordSelection selection = RecordSelection.Select(new[] { "v=spf1 ip4:192.0.2.0/33 -all" });

        Assert.Equal(1, selection.CandidateCount);
        Assert.Null(selection.Record);
        Assert.Equal("v=spf1 ip4:192.0.2.0/33 -all", selection.CandidateText);
        Assert.False(string.IsNullOrEmpty(selection.ParseError));
    }

    [Fact]
    public void AnswerParsesOnce()
    {
        DnsLookupResult answer = DnsLookupResult.FromStrings(new[] { "v=spf1 a -all" }, TimeSpan.FromMinutes(5));

        RecordSelection first = answer.SelectSpfRecord();
        RecordSelection second = answer.SelectSpfRecord();

        Assert.Same(first, second);
        Assert.Same(first.Record, second.Record);
    }

    [Fact]
    public void AnswerBytesComputedOnce()
    {
        DnsLookupResult answer = DnsLookupResult.FromAddresses(
            new[] { System.Net.IPAddress.Parse("192.0.2.1"), System.Net.IPAddress.Parse("2001:db8::1") },
            TimeSpan.FromMinutes(5));

        var first = answer.GetAddressBytes();
        var second = answer.GetAddressBytes();

        Assert.Same(first, second);
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, first[0]);
        Assert.Equal(16, first[1].Length);
    }
}
