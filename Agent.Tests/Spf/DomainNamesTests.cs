using System.Net;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class DomainNamesTests
{
    private static readonly string s_label63 = new('a', 63);
    private static readonly string s_label64 = new('a', 64);

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("Mail.Example.COM.", "Mail.Example.COM")]
    [InlineData("_spf.example.com", "_spf.example.com")]
    [InlineData("b\u00FCcher.example", "xn--bcher-kva.example")]
    public void TryNormalizeIdentityDomain_AcceptsDomain(string domain, string expected)
    {
        Assert.True(DomainNames.TryNormalizeIdentityDomain(domain, out string normalized, out string problem), problem);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("localhost")]
    [InlineData("A2345678")]
    [InlineData("[1.2.3.5]")]
    [InlineData("1.2.3.5")]
    [InlineData("a...example.com")]
    [InlineData(".example.com")]
    [InlineData("example..com")]
    [InlineData("exa mple.com")]
    [InlineData("exa%mple.com")]
    [InlineData("example.com..")]
    public void TryNormalizeIdentityDomain_RejectsMalformedDomain(string domain)
    {
        Assert.False(DomainNames.TryNormalizeIdentityDomain(domain, out _, out string problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void TryNormalizeIdentityDomain_ChecksLabelLength()
    {
        Assert.True(DomainNames.TryNormalizeIdentityDomain(s_label63 + ".example.com", out _, out _));
        Assert.False(DomainNames.TryNormalizeIdentityDomain(s_label64 + ".example.com", out _, out _));
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("foo:bar/baz.example.com", "foo:bar/baz.example.com")]
    [InlineData("macro%percent  space%20url-space.example.com", "macro%percent  space%20url-space.example.com")]
    [InlineData("single", "single")]
    public void TryNormalizeTargetName_AcceptsQueryableName(string expanded, string expected)
    {
        Assert.True(DomainNames.TryNormalizeTargetName(expanded, out string name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("mail.example...com")]
    [InlineData("example.com..")]
    [InlineData("caf\u00E9.example.com")]
    [InlineData("tab\t.example.com")]
    public void TryNormalizeTargetName_RejectsUnqueryableName(string expanded)
    {
        Assert.False(DomainNames.TryNormalizeTargetName(expanded, out _));
    }

    [Fact]
    public void TryNormalizeTargetName_RejectsLongLabel()
    {
        Assert.True(DomainNames.TryNormalizeTargetName(s_label63 + ".example.com", out _));
        Assert.False(DomainNames.TryNormalizeTargetName(s_label64 + ".example.com", out _));
    }

    [Fact]
    public void TryNormalizeTargetName_TruncatesFromTheLeft()
    {
        // 7 + 8 * 30 + 11 = 258 characters: the first label goes, leaving 251.
        string repeated = string.Concat(System.Linq.Enumerable.Repeat("somewhat.long.exp.example.com.", 8));
        string expanded = "foobar." + repeated + "example.com";

        Assert.True(DomainNames.TryNormalizeTargetName(expanded, out string name));
        Assert.Equal(repeated + "example.com", name);
        Assert.True(name.Length <= SpfLimits.MaxDomainNameLength);
    }

    [Fact]
    public void TryNormalizeTargetName_KeepsNameOfMaximumLength()
    {
        string name = string.Join(
            ".", new string('a', 61), new string('b', 63), new string('c', 63), new string('d', 63));

        Assert.Equal(SpfLimits.MaxDomainNameLength, name.Length);
        Assert.True(DomainNames.TryNormalizeTargetName(name, out string normalized));
        Assert.Equal(name, normalized);
    }

    [Theory]
    [InlineData("com", true)]
    [InlineData("c0m", true)]
    [InlineData("xn--zckzah", true)]
    [InlineData("123-456", true)]
    [InlineData("a-b-c", true)]
    [InlineData("123", false)]
    [InlineData("-com", false)]
    [InlineData("com-", false)]
    [InlineData("co_m", false)]
    [InlineData("com:8080", false)]
    [InlineData("", false)]
    public void IsTopLabel_FollowsGrammar(string label, bool expected)
    {
        Assert.Equal(expected, DomainNames.IsTopLabel(label));
    }

    [Theory]
    [InlineData("mail.example.com", "example.com", true)]
    [InlineData("example.com", "example.com", true)]
    [InlineData("Mail.Example.com.", "example.COM", true)]
    [InlineData("badexample.com", "example.com", false)]
    [InlineData("example.com", "mail.example.com", false)]
    public void IsSameOrSubdomain_ComparesLabels(string name, string domain, bool expected)
    {
        Assert.Equal(expected, DomainNames.IsSameOrSubdomain(name, domain));
    }

    [Theory]
    [InlineData("192.0.2.3", "3.2.0.192.in-addr.arpa")]
    [InlineData("2001:db8::cb01", "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    public void ReverseName_BuildsArpaName(string address, string expected)
    {
        Assert.Equal(expected, DomainNames.ReverseName(IPAddress.Parse(address)));
    }
}
