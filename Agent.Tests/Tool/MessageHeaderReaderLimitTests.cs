using System.IO;
using ExchangeSpfAgent.Tool.Replay;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// The header size limit of <see cref="MessageHeaderReader"/>. The blank line that ends the header and the body
/// after it are not part of the header, so they do not count towards the limit.
/// </summary>
public sealed class MessageHeaderReaderLimitTests
{
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void LimitFillingHeaderBeforeBodyIsAccepted(string lineEnd)
    {
        // With its line end counted as two characters, this field fills the limit exactly.
        string value = new string('a', MessageHeaderReader.MaxHeaderLength - "X: ".Length - 2);
        string text = "X: " + value + lineEnd + lineEnd + "body" + lineEnd;

        SavedMessage message = MessageHeaderReader.Read(new StringReader(text), "full.eml");

        Assert.Equal(value, message.First("X"));
    }

    [Fact]
    public void HeaderUnderLimitBeforeBodyIsAccepted()
    {
        string value = new string('a', MessageHeaderReader.MaxHeaderLength - "X: ".Length - 4);

        SavedMessage message = MessageHeaderReader.Read(new StringReader("X: " + value + "\r\n\r\nbody\r\n"), "a.eml");

        Assert.Equal(value, message.First("X"));
    }
}
