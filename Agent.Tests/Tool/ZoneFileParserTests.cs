using System;
using System.IO;
using System.Linq;
using ExchangeSpfAgent.Tool.Zones;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>The RFC 1035 master file reader behind <c>--zone</c>.</summary>
public sealed class ZoneFileParserTests
{
    private const string Soa = "@ 3600 IN SOA ns1 hostmaster 1 7200 900 1209600 300\n";

    private static ZoneFile Parse(string text, string? origin = "example.com") =>
        ZoneFileParser.Parse(text, "test.zone", origin);

    private static ZoneRecord Single(ZoneFile zone, ZoneRecordType type) => Assert.Single(zone.Records, r => r.Type == type);

    [Fact]
    public void RelativeNamesAndAtUseOrigin()
    {
        ZoneFile zone = Parse(Soa + "www 60 IN A 192.0.2.1\n@ 60 IN TXT \"v=spf1 -all\"\nmail.example.com. 60 IN A 192.0.2.2\n");

        Assert.Equal("example.com", zone.Origin);
        Assert.Equal(new[] { "example.com", "www.example.com", "example.com", "mail.example.com" }, zone.Records.Select(r => r.Name));
    }

    [Fact]
    public void OriginDirectiveChangesRelativeBase()
    {
        ZoneFile zone = Parse("$TTL 300\n" + Soa + "$ORIGIN sub.example.com.\nhost A 192.0.2.1\n$ORIGIN deeper\nx A 192.0.2.2\n");

        Assert.Equal("host.sub.example.com", zone.Records[1].Name);
        Assert.Equal("x.deeper.sub.example.com", zone.Records[2].Name);
    }

    [Fact]
    public void FirstOriginDirectiveIsApexWithoutFileName()
    {
        ZoneFile zone = Parse("$ORIGIN example.net.\n$TTL 60\n" + Soa, origin: null);

        Assert.Equal("example.net", zone.Origin);
    }

    [Fact]
    public void TtlDirectiveAndUnitsApply()
    {
        ZoneFile zone = Parse("$TTL 1h30m\n" + Soa + "a A 192.0.2.1\nb 2d A 192.0.2.2\nc IN 1w A 192.0.2.3\n");

        Assert.Equal(TimeSpan.FromMinutes(90), zone.Records.Single(r => r.Name == "a.example.com").TimeToLive);
        Assert.Equal(TimeSpan.FromDays(2), zone.Records.Single(r => r.Name == "b.example.com").TimeToLive);
        Assert.Equal(TimeSpan.FromDays(7), zone.Records.Single(r => r.Name == "c.example.com").TimeToLive);
    }

    [Fact]
    public void BlankOwnerRepeatsPreviousOwner()
    {
        ZoneFile zone = Parse(Soa + "host 60 A 192.0.2.1\n     60 AAAA 2001:db8::1\n\t60 TXT \"x\"\n");

        Assert.All(zone.Records.Skip(1), record => Assert.Equal("host.example.com", record.Name));
    }

    [Fact]
    public void ParenthesesJoinLinesAndSkipComments()
    {
        ZoneFile zone = Parse(
            "@ 3600 IN SOA ns1 hostmaster ( 1 ; serial\n 7200 ; refresh\n 900 1209600\n 300 ) ; minimum\n"
            + "txt 60 IN TXT ( \"v=spf1 \" ; first part\n \"-all\" )\n");

        Assert.Equal(TimeSpan.FromSeconds(300), zone.NegativeTimeToLive);
        Assert.Equal("v=spf1 -all", Single(zone, ZoneRecordType.Txt).Text);
    }

    [Theory]
    [InlineData("\"semi;colon\"", "semi;colon")]
    [InlineData("\"quote \\\" inside\"", "quote \" inside")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"octets \\065\\200\"", "octets A\u00C8")]
    [InlineData("\"a\" \"b\" \"c\"", "abc")]
    [InlineData("unquoted", "unquoted")]
    [InlineData("\"(paren)\"", "(paren)")]
    public void TxtStringsDecodeEscapes(string data, string expected)
    {
        ZoneFile zone = Parse(Soa + "t 60 IN TXT " + data + "\n");

        Assert.Equal(expected, Single(zone, ZoneRecordType.Txt).Text);
    }

    [Fact]
    public void MxAndCnameTargetsAreAbsolute()
    {
        ZoneFile zone = Parse(Soa + "@ 60 MX 10 mail\nalias 60 CNAME host.other.example.\n");

        ZoneRecord mx = Single(zone, ZoneRecordType.Mx);
        Assert.Equal(10, mx.Preference);
        Assert.Equal("mail.example.com", mx.Target);
        Assert.Equal("host.other.example", Single(zone, ZoneRecordType.Cname).Target);
    }

    [Fact]
    public void NegativeTtlTakesLowerSoaValue()
    {
        ZoneFile zone = Parse("@ 120 IN SOA ns1 hostmaster 1 7200 900 1209600 300\n");

        Assert.Equal(TimeSpan.FromSeconds(120), zone.NegativeTimeToLive);
    }

    [Fact]
    public void UnknownTypesAreKeptAsOther()
    {
        ZoneFile zone = Parse(Soa + "@ 60 CAA 0 issue \"ca.example\"\n@ 60 TYPE99 \\# 0\n");

        Assert.Equal(2, zone.Records.Count(r => r.Type == ZoneRecordType.Other));
    }

    [Theory]
    [InlineData("host 60 A 192.0.2.300\n", 2, "not an IPv4 address")]
    [InlineData("host 60 A 2001:db8::1\n", 2, "not an IPv4 address")]
    [InlineData("host 60 AAAA 192.0.2.1\n", 2, "not an IPv6 address")]
    [InlineData("host 60 TXT \"unterminated\n", 2, "not closed")]
    [InlineData("host 60 TXT ( \"a\"\n", 2, "not closed")]
    [InlineData("host 60 TXT \"a\" )\n", 2, "no opening")]
    [InlineData("host 60 MX mail\n", 2, "MX record takes 2")]
    [InlineData("host 60 MX 70000 mail\n", 2, "MX preference")]
    [InlineData("$INCLUDE other.zone\n", 2, "not supported")]
    [InlineData("$GENERATE 1-10 h$ A 192.0.2.$\n", 2, "not supported")]
    [InlineData("$BOGUS x\n", 2, "not a directive")]
    [InlineData("host 60 CH TXT \"x\"\n", 2, "only IN")]
    [InlineData("host 60 IN\n", 2, "no type")]
    [InlineData("outside.example. 60 A 192.0.2.1\n", 2, "outside the zone")]
    [InlineData("a..b 60 A 192.0.2.1\n", 2, "empty label")]
    [InlineData("\n\nhost 60 A 1.2.3\n", 4, "not an IPv4 address")]
    public void InvalidEntryNamesLine(string entry, int line, string problem)
    {
        ZoneFileException exception = Assert.Throws<ZoneFileException>(() => Parse(Soa + entry));

        Assert.Equal(line, exception.LineNumber);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.Contains("test.zone", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTtlIsRejected()
    {
        ZoneFileException exception = Assert.Throws<ZoneFileException>(() => Parse("@ IN SOA ns1 hostmaster 1 2 3 4 5\n"));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("$TTL", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZoneWithoutSoaIsRejected()
    {
        ZoneFileException exception = Assert.Throws<ZoneFileException>(() => Parse("www 60 A 192.0.2.1\n"));

        Assert.Contains("SOA", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeNameWithoutOriginIsRejected()
    {
        ZoneFileException exception = Assert.Throws<ZoneFileException>(() => Parse("www 60 A 192.0.2.1\n", origin: null));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("$ORIGIN", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com.zone", "example.com")]
    [InlineData("Example.COM.zone", "example.com")]
    [InlineData("root.zone", "")]
    [InlineData("example.com.db", null)]
    [InlineData(".zone", null)]
    public void FileNameGivesOrigin(string fileName, string? expected)
    {
        Assert.Equal(expected, ZoneFileParser.OriginFromFileName(Path.Combine("zones", fileName)));
    }

    [Fact]
    public void SampleZonesAllLoad()
    {
        ZoneResolver resolver = ZoneResolver.Load(new[] { ToolRunner.SampleZones });

        Assert.Contains(resolver.Zones, zone => zone.Origin == "bigmail.example");
        Assert.True(resolver.Zones.Count >= 10, $"{resolver.Zones.Count} sample zones");
    }
}
