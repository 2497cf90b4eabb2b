using System;
using System.Linq;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class SpfRecordTests
{
    [Theory]
    [InlineData("v=spf1", true)]
    [InlineData("v=spf1 -all", true)]
    [InlineData("V=SpF1 ~all", true)]
    [InlineData("v=spf10", false)]
    [InlineData("v=spf1-all", false)]
    [InlineData("v=spf2.0/pra -all", false)]
    [InlineData(" v=spf1 -all", false)]
    [InlineData("spf1", false)]
    [InlineData("", false)]
    public void HasVersionTag_ChecksTagAndSeparator(string text, bool expected)
    {
        Assert.Equal(expected, SpfRecord.HasVersionTag(text));
    }

    [Theory]
    [InlineData("v=spf1")]
    [InlineData("v=spf1 -all")]
    [InlineData("v=spf1 a  -all ")]
    [InlineData("v=spf1 +a -mx ~ptr ?exists:%{i}.bl.example.com all")]
    [InlineData("v=spf1 A:Example.COM MX:example.com/24 Ptr:example.com ALL")]
    [InlineData("v=spf1 a/24//64 mx//0 a:example.com/0")]
    [InlineData("v=spf1 ip4:192.0.2.0/24 ip4:0.0.0.0/0 ip6:2001:db8::/32 ip6:::1.1.1.1/0 ip6:::ffff:1.2.3.4")]
    [InlineData("v=spf1 include:_spf.example.com include:%{d2}")]
    [InlineData("v=spf1 a:foo:bar/baz.example.com a:foo.example.xn--zckzah a:x.123-456")]
    [InlineData("v=spf1 a:macro%%percent%_%_space%-url-space.example.com")]
    [InlineData("v=spf1 exists:%{ir}.%{l1r+-}.%{v}._spf.%{d2}")]
    [InlineData("v=spf1 redirect=_spf.example.com")]
    [InlineData("v=spf1 -all exp=explain._spf.%{d}")]
    [InlineData("v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all")]
    [InlineData("v=spf1 default=pass foo= bar=%{c}%{r}%{t}")]
    [InlineData("v=spf1 a:example.com.")]
    [InlineData("v=spf1 include:o.spf.example.com.")]
    public void TryParse_AcceptsValidRecord(string text)
    {
        bool parsed = SpfRecord.TryParse(text, out SpfRecord? record, out string error);

        Assert.True(parsed, error);
        Assert.Equal(text, record!.Text);
    }

    [Theory]
    [InlineData("v=spf1 ip4:1.2.3.4 -all moo", "moo")]
    [InlineData("v=spf1 moo.cow/far_out=man:dog/cat", "moo.cow")]
    [InlineData("v=spf1 moo.cow:far_out=man:dog/cat", "moo.cow")]
    [InlineData("v=spf1 redirect:example.com", "redirect")]
    [InlineData("v=spf1 1up=foo", "1up")]
    [InlineData("v=spf1 =all", "=all")]
    [InlineData("v=spf1 -all.", "-all.")]
    [InlineData("v=spf1 -all:foobar", "-all:foobar")]
    [InlineData("v=spf1 -all/8", "-all/8")]
    [InlineData("v=spf1 +", "+")]
    [InlineData("v=spf1 a:foo-bar", "foo-bar")]
    [InlineData("v=spf1 a:museum", "museum")]
    [InlineData("v=spf1 a:museum.", "museum.")]
    [InlineData("v=spf1 a:111.222.33.44", "111.222.33.44")]
    [InlineData("v=spf1 a:abc.123", "abc.123")]
    [InlineData("v=spf1 a:example.-com", "example.-com")]
    [InlineData("v=spf1 a:example.com-", "example.com-")]
    [InlineData("v=spf1 a:example.com:8080", "example.com:8080")]
    [InlineData("v=spf1 a:", "a:")]
    [InlineData("v=spf1 a/33", "a/33")]
    [InlineData("v=spf1 a//129", "a//129")]
    [InlineData("v=spf1 a/24/64", "a/24/64")]
    [InlineData("v=spf1 a/032", "a/032")]
    [InlineData("v=spf1 a.example.com", "a.example.com")]
    [InlineData("v=spf1 mx/33", "mx/33")]
    [InlineData("v=spf1 mx:", "mx:")]
    [InlineData("v=spf1 ptr/0", "ptr/0")]
    [InlineData("v=spf1 ptr:", "ptr:")]
    [InlineData("v=spf1 include", "include")]
    [InlineData("v=spf1 include:", "include:")]
    [InlineData("v=spf1 include:example.com/24", "include:example.com/24")]
    [InlineData("v=spf1 exists", "exists")]
    [InlineData("v=spf1 exists:", "exists:")]
    [InlineData("v=spf1 exists:example.com/24", "exists:example.com/24")]
    [InlineData("v=spf1 ip4", "ip4")]
    [InlineData("v=spf1 ip4:1.2.3", "1.2.3")]
    [InlineData("v=spf1 ip4:1.2.3.4:8080", "1.2.3.4:8080")]
    [InlineData("v=spf1 ip4:1.2.3.4/33", "ip4:1.2.3.4/33")]
    [InlineData("v=spf1 ip4:1.2.3.4/032", "ip4:1.2.3.4/032")]
    [InlineData("v=spf1 ip4:1.2.3.4//32", "ip4:1.2.3.4//32")]
    [InlineData("v=spf1 ip4:1.2.03.4", "1.2.03.4")]
    [InlineData("v=spf1 ip4:1.2.3.256", "1.2.3.256")]
    [InlineData("v=spf1 ip4:1.2.3.4/", "ip4:1.2.3.4/")]
    [InlineData("v=spf1 ip6", "ip6")]
    [InlineData("v=spf1 ip6::CAFE::BABE", ":CAFE::BABE")]
    [InlineData("v=spf1 ip6:1::2::3", "1::2::3")]
    [InlineData("v=spf1 ip6:1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9")]
    [InlineData("v=spf1 ip6:::1%5", "::1%5")]
    [InlineData("v=spf1 ip6:[::1]", "[::1]")]
    [InlineData("v=spf1 ip6:::1.2.3", "::1.2.3")]
    [InlineData("v=spf1 ip6:::1.1.1.1/129", "ip6:::1.1.1.1/129")]
    [InlineData("v=spf1 ip6:::1.1.1.1//33", "ip6:::1.1.1.1//33")]
    [InlineData("v=spf1 ip6:1.2.3.4", "1.2.3.4")]
    [InlineData("v=spf1 exp=", "exp")]
    [InlineData("v=spf1 exp=-all", "exp=-all")]
    [InlineData("v=spf1 redirect=", "redirect")]
    [InlineData("v=spf1 redirect=-all ?all", "redirect=-all")]
    [InlineData("v=spf1 exp=a.example.com exp=b.example.com", "exp")]
    [InlineData("v=spf1 redirect=a.example.com REDIRECT=b.example.com", "more than once")]
    [InlineData("v=spf1 -all exp=%{r}.example.com", "'r'")]
    [InlineData("v=spf1 a:%{c}.example.com", "'c'")]
    [InlineData("v=spf1 a:%{t}.example.com", "'t'")]
    [InlineData("v=spf1 a:%{a}.example.com", "'a'")]
    [InlineData("v=spf1 foo=%abc", "foo=%abc")]
    [InlineData("v=spf1 exists:%(ir).sbl.example.com", "%(ir)")]
    [InlineData("v=spf1 exists:foo%.sbl.example.com", "foo%.sbl")]
    [InlineData("v=spf1 exists:%{d0}.example.com", "zero")]
    [InlineData("v=spf1 exists:%{d2x}.example.com", "'x'")]
    [InlineData("v=spf1 exists:%{d.example.com", "closing")]
    [InlineData("v=spf1 exists:%{}.example.com", "no letter")]
    [InlineData("v=spf1 a:foo.example.com%", "ends the string")]
    [InlineData("v=spf1 a:\u00EF\u00BB\u00BFgarbage.example.net -all", "U+00EF")]
    [InlineData("v=spf1 \u0080a:example.net -all", "U+0080")]
    [InlineData("v=spf1 a:example.net \u0096all", "U+0096")]
    [InlineData("v=spf1 a:ctrl.example.com\rptr -all", "U+000D")]
    [InlineData("v=spf1 ip4:192.0.2.5\n include:example.com", "U+000A")]
    [InlineData("v=spf1 a:foo.example.com\0", "U+0000")]
    [InlineData("v=spf1\t-all", "v=spf1")]
    [InlineData("v=spf1 -all\t", "U+0009")]
    [InlineData("v=spf10 -all", "v=spf1")]
    [InlineData("-all", "v=spf1")]
    public void TryParse_RejectsInvalidRecord(string text, string fragment)
    {
        bool parsed = SpfRecord.TryParse(text, out SpfRecord? record, out string error);

        Assert.False(parsed);
        Assert.Null(record);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all", SpfQualifier.Pass, SpfMechanismKind.All)]
    [InlineData("+all", SpfQualifier.Pass, SpfMechanismKind.All)]
    [InlineData("-include:example.com", SpfQualifier.Fail, SpfMechanismKind.Include)]
    [InlineData("~a", SpfQualifier.SoftFail, SpfMechanismKind.A)]
    [InlineData("?mx", SpfQualifier.Neutral, SpfMechanismKind.Mx)]
    [InlineData("PTR", SpfQualifier.Pass, SpfMechanismKind.Ptr)]
    [InlineData("ip4:192.0.2.1", SpfQualifier.Pass, SpfMechanismKind.Ip4)]
    [InlineData("-IP6:2001:db8::1", SpfQualifier.Fail, SpfMechanismKind.Ip6)]
    [InlineData("exists:example.com", SpfQualifier.Pass, SpfMechanismKind.Exists)]
    public void TryParse_ReadsQualifierAndKind(string term, SpfQualifier qualifier, SpfMechanismKind kind)
    {
        SpfMechanism mechanism = SpfRecord.Parse("v=spf1 " + term).Mechanisms.Single();

        Assert.Equal(qualifier, mechanism.Qualifier);
        Assert.Equal(kind, mechanism.Kind);
        Assert.Equal(term, mechanism.Text);
    }

    [Theory]
    [InlineData("a", null, 32, 128)]
    [InlineData("a/24", null, 24, 128)]
    [InlineData("a//64", null, 32, 64)]
    [InlineData("a/24//64", null, 24, 64)]
    [InlineData("a/0//0", null, 0, 0)]
    [InlineData("mx:example.com/16", "example.com", 16, 128)]
    [InlineData("a:foo:bar/baz.example.com", "foo:bar/baz.example.com", 32, 128)]
    [InlineData("a:%{d}/24", "%{d}", 24, 128)]
    public void TryParse_ReadsDualCidrLengths(string term, string? domainSpec, int ipv4Prefix, int ipv6Prefix)
    {
        SpfMechanism mechanism = SpfRecord.Parse("v=spf1 " + term).Mechanisms.Single();

        Assert.Equal(domainSpec, mechanism.DomainSpec);
        Assert.Equal(ipv4Prefix, mechanism.Ipv4PrefixLength);
        Assert.Equal(ipv6Prefix, mechanism.Ipv6PrefixLength);
    }

    [Theory]
    [InlineData("ip4:192.0.2.0/24", "192.0.2.0", 24)]
    [InlineData("ip4:192.0.2.1", "192.0.2.1", 32)]
    [InlineData("ip6:2001:db8::/32", "2001:db8::", 32)]
    [InlineData("ip6:2001:DB8::1", "2001:db8::1", 128)]
    public void TryParse_ReadsNetwork(string term, string network, int prefix)
    {
        SpfMechanism mechanism = SpfRecord.Parse("v=spf1 " + term).Mechanisms.Single();

        Assert.Equal(System.Net.IPAddress.Parse(network), mechanism.Network);
        int actualPrefix = mechanism.Kind == SpfMechanismKind.Ip4
            ? mechanism.Ipv4PrefixLength
            : mechanism.Ipv6PrefixLength;
        Assert.Equal(prefix, actualPrefix);
    }

    [Fact]
    public void TryParse_ReadsModifiersAndIgnoresUnknown()
    {
        SpfRecord record = SpfRecord.Parse("v=spf1 Redirect=_spf.example.com foo=bar EXP=exp.%{d} a");

        Assert.Equal("_spf.example.com", record.Redirect);
        Assert.Equal("exp.%{d}", record.Explanation);
        Assert.Single(record.Mechanisms);
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionWithReason()
    {
        FormatException exception = Assert.Throws<FormatException>(() => SpfRecord.Parse("v=spf1 moo"));

        Assert.Contains("moo", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => SpfRecord.TryParse(null!, out _, out _));
    }
}
