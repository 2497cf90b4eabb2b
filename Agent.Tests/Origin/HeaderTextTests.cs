using ExchangeSpfAgent.Origin;
using Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

public class HeaderTextTests
{
    [Theory]
    [InlineData("a\r\n b", "a b")]
    [InlineData("a\r\n\tb", "a\tb")]
    [InlineData("a\n b", "a b")]
    [InlineData("a\r b", "a b")]
    [InlineData("a\r\n \r\n b", "a  b")]
    [InlineData("a\r\nb", "a\r\nb")]
    [InlineData("a\r\n", "a\r\n")]
    [InlineData("plain", "plain")]
    public void Unfold_RemovesBreaksBeforeWhitespace(string value, string expected)
    {
        Assert.Equal(expected, HeaderText.Unfold(value));
    }

    [Theory]
    [InlineData("(a) x", 4)]
    [InlineData("(a (nested) b) x", 15)]
    [InlineData("(a \\) b) x", 9)]
    [InlineData("  \t x", 4)]
    public void TrySkipCommentsAndWhitespace_StopsAtText(string text, int expected)
    {
        int position = 0;

        Assert.True(HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length));
        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData("(a")]
    [InlineData("(a (b) c")]
    [InlineData("(a \\)")]
    public void TrySkipCommentsAndWhitespace_RejectsOpenComment(string text)
    {
        int position = 0;

        Assert.False(HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length));
    }

    [Fact]
    public void Excerpt_ReplacesControlAndNonAscii()
    {
        Assert.Equal("a?b?c", HeaderText.Excerpt("a\u00e4b\nc"));
    }

    [Fact]
    public void Excerpt_CutsLongText()
    {
        string excerpt = HeaderText.Excerpt(new string('x', 500));

        Assert.Equal(HeaderText.MaxExcerptLength + 3, excerpt.Length);
        Assert.EndsWith("...", excerpt, System.StringComparison.Ordinal);
    }
}
