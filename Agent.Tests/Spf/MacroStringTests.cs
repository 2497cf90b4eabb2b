using System;
using System.Net;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class MacroStringTests
{
    private const string Domain = "email.example.com";

    private static readonly DateTimeOffset s_now = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // The examples of RFC 7208 §7.4, for the sender strong-bad@email.example.com and client 192.0.2.3.
    [Theory]
    [InlineData("%{s}", "strong-bad@email.example.com")]
    [InlineData("%{o}", "email.example.com")]
    [InlineData("%{d}", "email.example.com")]
    [InlineData("%{d4}", "email.example.com")]
    [InlineData("%{d3}", "email.example.com")]
    [InlineData("%{d2}", "example.com")]
    [InlineData("%{d1}", "com")]
    [InlineData("%{dr}", "com.example.email")]
    [InlineData("%{d2r}", "example.email")]
    [InlineData("%{l}", "strong-bad")]
    [InlineData("%{l-}", "strong.bad")]
    [InlineData("%{lr}", "strong-bad")]
    [InlineData("%{lr-}", "bad.strong")]
    [InlineData("%{l1r-}", "strong")]
    [InlineData("%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com")]
    [InlineData("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com")]
    [InlineData("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com")]
    [InlineData("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com")]
    [InlineData("%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net")]
    public void Expand_MatchesRfcExamplesForIpv4(string text, string expected)
    {
        Assert.Equal(expected, Expand(text, "192.0.2.3"));
    }

    [Fact]
    public void Expand_MatchesRfcExampleForIpv6()
    {
        string expanded = Expand("%{ir}.%{v}._spf.%{d2}", "2001:db8::cb01");

        // RFC 7208 §7.4 prints the nibbles in lower case; DNS names compare without regard to case.
        Assert.Equal(
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
            expanded,
            StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("%{i}", "2001:db8::cb01", "2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.C.B.0.1")]
    [InlineData("%{c}", "2001:db8::cb01", "2001:db8::cb01")]
    [InlineData("%{v}", "2001:db8::cb01", "ip6")]
    [InlineData("%{i}", "192.0.2.3", "192.0.2.3")]
    [InlineData("%{c}", "192.0.2.3", "192.0.2.3")]
    [InlineData("%{v}", "192.0.2.3", "in-addr")]
    public void Expand_FormatsClientAddress(string text, string client, string expected)
    {
        Assert.Equal(expected, Expand(text, client));
    }

    [Theory]
    [InlineData("%{h}", "mx.example.org")]
    [InlineData("%{r}", "receiver.example.net")]
    [InlineData("%{t}", "1704164645")]
    [InlineData("%{p}", "mx.example.org")]
    [InlineData("%{p2}", "example.org")]
    [InlineData("%%", "%")]
    [InlineData("%_", " ")]
    [InlineData("%-", "%20")]
    [InlineData("a%%b%_c%-d", "a%b c%20d")]
    [InlineData("%{d999}", "email.example.com")]
    [InlineData("%{d99999999999999999999}", "email.example.com")]
    [InlineData("%{d02}", "example.com")]
    [InlineData("%{dR}", "com.example.email")]
    [InlineData("%{l-+}", "strong.bad")]
    [InlineData("%{s=}", "strong-bad@email.example.com")]
    [InlineData("%{l1r-.}", "strong")]
    public void Expand_AppliesLettersTransformersAndEscapes(string text, string expected)
    {
        Assert.Equal(expected, Expand(text, "192.0.2.3"));
    }

    [Fact]
    public void Expand_UsesUnknownWithoutValidatedName()
    {
        MacroString macro = Parse("%{p}", MacroString.DomainLetters);

        Assert.Equal("unknown", macro.Expand(CreateValues("192.0.2.3"), Domain, null));
    }

    [Theory]
    [InlineData("~jack&jill=up-a_b3.c", "%{L}", "~jack%26jill%3Dup-a_b3.c")]
    [InlineData("j\u00FCrgen", "%{L}", "j%C3%BCrgen")]
    [InlineData("a b/c", "%{L}", "a%20b%2Fc")]
    [InlineData("first.last", "%{L}", "first.last")]
    [InlineData("first-last", "%{L1r-}", "first")]
    public void Expand_UrlEscapesUpperCaseLetters(string localPart, string text, string expected)
    {
        var values = new MacroValues(
            IPAddress.Parse("192.0.2.3"), localPart + "@" + Domain, localPart, Domain, "mx.example.org",
            "receiver.example.net", s_now);

        Assert.Equal(expected, Parse(text, MacroString.DomainLetters).Expand(values, Domain, null));
    }

    [Theory]
    [InlineData("%{c}")]
    [InlineData("%{r}")]
    [InlineData("%{t}")]
    [InlineData("%{C}")]
    public void TryParse_RejectsExplanationLettersInDomains(string text)
    {
        bool parsed = MacroString.TryParse(
            text, MacroString.DomainLetters, allowSpaces: false, out _, out string error);

        Assert.False(parsed);
        Assert.Contains("not allowed", error, StringComparison.Ordinal);
        Assert.True(MacroString.TryParse(text, MacroString.AllLetters, allowSpaces: false, out _, out _));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("abc%")]
    [InlineData("%a")]
    [InlineData("%(d)")]
    [InlineData("%{")]
    [InlineData("%{d")]
    [InlineData("%{}")]
    [InlineData("%{x}")]
    [InlineData("%{d0}")]
    [InlineData("%{d00}")]
    [InlineData("%{dx}")]
    [InlineData("%{d2rr}")]
    [InlineData("%{d r}")]
    [InlineData("%{d;}")]
    [InlineData("%{\u00E9}")]
    [InlineData("a b")]
    [InlineData("tab\there")]
    [InlineData("caf\u00E9")]
    public void TryParse_RejectsInvalidSyntax(string text)
    {
        bool parsed = MacroString.TryParse(
            text, MacroString.AllLetters, allowSpaces: false, out MacroString? macro, out string error);

        Assert.False(parsed);
        Assert.Null(macro);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void TryParse_AllowsSpacesOnlyInExplanations()
    {
        Assert.False(MacroString.TryParse("The %{x}", MacroString.AllLetters, allowSpaces: true, out _, out _));
        Assert.True(MacroString.TryParse("See %{d} for %{c}", MacroString.AllLetters, allowSpaces: true, out _, out _));
        Assert.False(MacroString.TryParse("See %{d}", MacroString.AllLetters, allowSpaces: false, out _, out _));
    }

    [Fact]
    public void UsesValidatedDomain_DetectsPMacro()
    {
        Assert.True(Parse("%{p}.example.com", MacroString.DomainLetters).UsesValidatedDomain);
        Assert.True(Parse("%{P2r}.example.com", MacroString.DomainLetters).UsesValidatedDomain);
        Assert.False(Parse("%{d}.example.com", MacroString.DomainLetters).UsesValidatedDomain);
    }

    [Theory]
    [InlineData("_spf.example.com", "_spf.example.com")]
    [InlineData("a%%b.example.com", "a%b.example.com")]
    [InlineData("a%-b.example.com", "a%20b.example.com")]
    public void ConstantExpansion_JoinsLiteralsAndEscapes(string text, string expected)
    {
        MacroString macro = Parse(text, MacroString.DomainLetters);

        Assert.Equal(expected, macro.ConstantExpansion);
        Assert.Equal(expected, macro.Expand(CreateValues("192.0.2.3"), Domain, null));
    }

    [Fact]
    public void ConstantExpansion_IsNullWithMacro()
    {
        Assert.Null(Parse("%{d}.example.com", MacroString.DomainLetters).ConstantExpansion);
        Assert.Null(Parse("%{d}", MacroString.DomainLetters).ConstantExpansion);
    }

    [Fact]
    public void DomainSpec_KeepsConstantTarget()
    {
        Assert.True(DomainSpec.TryParse("_spf.example.com.", out DomainSpec? spec, out string error), error);

        Assert.True(spec!.IsConstant);
        Assert.Equal("_spf.example.com", spec.ConstantTarget);
    }

    [Fact]
    public void DomainSpec_InvalidConstantTargetIsNull()
    {
        string text = new string('a', 64) + ".example.com";
        Assert.True(DomainSpec.TryParse(text, out DomainSpec? spec, out string error), error);

        Assert.True(spec!.IsConstant);
        Assert.Null(spec.ConstantTarget);
    }

    [Fact]
    public void DomainSpec_WithMacroIsNotConstant()
    {
        Assert.True(DomainSpec.TryParse("%{ir}.%{v}._spf.example.com", out DomainSpec? spec, out string error), error);

        Assert.False(spec!.IsConstant);
        Assert.Null(spec.ConstantTarget);
    }

    private static string Expand(string text, string client) =>
        Parse(text, MacroString.AllLetters).Expand(CreateValues(client), Domain, "mx.example.org");

    private static MacroString Parse(string text, string letters)
    {
        bool parsed = MacroString.TryParse(text, letters, allowSpaces: false, out MacroString? macro, out string error);
        Assert.True(parsed, error);
        return macro!;
    }

    private static MacroValues CreateValues(string client) => new(
        IPAddress.Parse(client),
        "strong-bad@email.example.com",
        "strong-bad",
        Domain,
        "mx.example.org",
        "receiver.example.net",
        s_now);
}
