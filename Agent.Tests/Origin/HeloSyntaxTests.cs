using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class HeloSyntaxTests
{
    [Theory]
    [InlineData("mail.example.org")]
    [InlineData("mail.example.org.")]
    [InlineData("localhost")]
    [InlineData("WIN-PC_01")]
    [InlineData("a")]
    [InlineData("192.0.2.1")]
    [InlineData("[192.0.2.1]")]
    [InlineData("[IPv6:2001:db8::1]")]
    [InlineData("xn--bcher-kva.example")]
    public void IsValid_AcceptsNamesAndLiterals(string helo)
    {
        Assert.True(HeloSyntax.IsValid(helo));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-a.example")]
    [InlineData("a-.example")]
    [InlineData("a..b")]
    [InlineData(".a.b")]
    [InlineData("a b")]
    [InlineData("a;b")]
    [InlineData("[192.0.2]")]
    [InlineData("[mail.example.org]")]
    [InlineData("[192.0.2.1")]
    [InlineData("mail.ex\u00e4mple.org")]
    public void IsValid_RejectsOtherText(string? helo)
    {
        Assert.False(HeloSyntax.IsValid(helo));
    }

    [Fact]
    public void IsValid_EnforcesLabelLength()
    {
        Assert.True(HeloSyntax.IsValid(new string('a', 63) + ".example"));
        Assert.False(HeloSyntax.IsValid(new string('a', 64) + ".example"));
    }

    [Fact]
    public void IsValid_EnforcesNameLength()
    {
        string label = new string('a', 62) + ".";
        string name253 = label + label + label + new string('b', 64);

        Assert.Equal(253, name253.Length);
        Assert.False(HeloSyntax.IsValid(name253));
        Assert.True(HeloSyntax.IsValid(label + label + label + new string('b', 62)));
        Assert.False(HeloSyntax.IsValid(label + label + label + label + "bb"));
    }

    [Theory]
    [InlineData("[192.0.2.1]", true)]
    [InlineData("[IPv6:2001:db8::1]", true)]
    [InlineData("192.0.2.1", false)]
    [InlineData("mail.example.org", false)]
    [InlineData(null, false)]
    public void IsAddressLiteral_DetectsBracketedAddress(string? helo, bool expected)
    {
        Assert.Equal(expected, HeloSyntax.IsAddressLiteral(helo));
    }
}
