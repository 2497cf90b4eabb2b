using ExchangeSpfAgent.Dns;
using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// Recovering TXT octets from DnsClient's UTF-8 and escaped forms of one character-string.
/// </summary>
public sealed class TxtCharacterStringTests
{
    [Theory]
    [InlineData("v=spf1 -all", "v=spf1 -all", "v=spf1 -all")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"", "say \"hi\"")]
    [InlineData("a\rb", "a\\013b", "a\rb")]
    [InlineData("\uFFFD", "\\200", "\u00C8")]
    [InlineData("\uFEFFExplanation", "\\239\\187\\191Explanation", "\u00EF\u00BB\u00BFExplanation")]
    [InlineData("caf\u00E9 \uFFFD", "caf\\195\\169 \\255", "caf\u00C3\u00A9 \u00FF")]
    [InlineData("C:\\200", "C:\\200", "C:\\200")]
    [InlineData("back\\slash", "back\\slash", "back\\slash")]
    [InlineData("\\\uFFFD", "\\\\200", "\\\u00C8")]
    [InlineData("\\\"", "\\\\\"", "\\\"")]
    public void OctetsAreRecovered(string text, string escaped, string expected)
    {
        Assert.Equal(expected, TxtCharacterString.ToOctets(text, escaped));
    }

    [Theory]
    [InlineData("x", "\\q")]
    [InlineData("x", "\\999")]
    [InlineData("ab", "a\\\\b")]
    public void InconsistentFormsFallBackToUtf8Text(string text, string escaped)
    {
        Assert.Equal(text, TxtCharacterString.ToOctets(text, escaped));
    }
}
