using System;
using System.IO;
using System.Text;
using ExchangeSpfAgent.Tool.Replay;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>Reading the header of saved messages for replay.</summary>
public sealed class MessageHeaderReaderTests
{
    private static SavedMessage Read(string text) => MessageHeaderReader.Read(new StringReader(text), "message.eml");

    [Fact]
    public void FieldsKeepOrderAndFolding()
    {
        SavedMessage message = Read("Received: from a\r\n\tby b; date\r\nX-Origin-IP:  192.0.2.1\r\nreceived: from c by d\r\n\r\nbody: not a field\r\n");

        Assert.Equal(3, message.Fields.Count);
        Assert.Equal(new string?[] { "from a\r\n\tby b; date", "from c by d" }, message.Values("Received"));
        Assert.Equal("192.0.2.1", message.First("x-origin-ip"));
        Assert.Equal(4, message.Fields[2].LineNumber);
    }

    [Fact]
    public void BareLineFeedsAndMboxSeparatorAreAccepted()
    {
        SavedMessage message = Read("From sender@example.com Fri Dec  4 10:00:00 2026\nSubject: hi\n  there\n\nbody\n");

        Assert.Equal("hi\r\n  there", Assert.Single(message.Fields).Value);
    }

    [Fact]
    public void HeaderOnlyFileNeedsNoBlankLine()
    {
        Assert.Equal("<1@example.com>", Read("Message-ID: <1@example.com>").First("Message-ID"));
    }

    [Theory]
    [InlineData("This is not a header\r\n", 1, "not a header field")]
    [InlineData("Subject: a\r\nno colon here\r\n", 2, "not a header field")]
    [InlineData(" folded first\r\nSubject: a\r\n", 1, "folded line")]
    [InlineData("Bad Name: x\r\n", 1, "not a header field")]
    [InlineData("\r\nbody\r\n", 0, "no header fields")]
    public void InvalidHeaderNamesLine(string text, int line, string problem)
    {
        MessageFormatException exception = Assert.Throws<MessageFormatException>(() => Read(text));

        Assert.Equal(line, exception.LineNumber);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.Contains("message.eml", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedHeaderIsRejected()
    {
        string text = "Subject: x\r\n" + new StringBuilder().Insert(0, "X-Filler: " + new string('a', 1000) + "\r\n", 1100);

        MessageFormatException exception = Assert.Throws<MessageFormatException>(() => Read(text));

        Assert.Contains("longer than", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnendedLineStopsAtLimit()
    {
        byte[] text = new byte[3 * MessageHeaderReader.MaxHeaderLength];
        byte[] start = Encoding.ASCII.GetBytes("Subject: ");
        for (int index = 0; index < text.Length; index++)
        {
            text[index] = index < start.Length ? start[index] : (byte)'a';
        }

        using var stream = new MemoryStream(text);

        MessageFormatException exception = Assert.Throws<MessageFormatException>(
            () => MessageHeaderReader.Read(stream, "huge.eml"));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("huge.eml, line 1: The header is longer than", exception.Message, StringComparison.Ordinal);
        long maxBytesRead = MessageHeaderReader.MaxHeaderLength + (2 * MessageHeaderReader.ReadBufferSize);
        Assert.True(stream.Position <= maxBytesRead, $"{stream.Position} bytes read");
    }

    [Fact]
    public void LineFillingLimitIsAccepted()
    {
        // The line end counts as two characters, so this line fills the limit exactly.
        string value = new string('a', MessageHeaderReader.MaxHeaderLength - "X: ".Length - 2);

        SavedMessage message = Read("X: " + value + "\n");

        Assert.Equal(value, message.First("X"));
    }

    [Fact]
    public void LineOneOverLimitIsRejected()
    {
        string value = new string('a', MessageHeaderReader.MaxHeaderLength - "X: ".Length - 1);

        MessageFormatException exception = Assert.Throws<MessageFormatException>(() => Read("X: " + value + "\n"));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("longer than", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitCrLfIsOneLineEnd()
    {
        // The CR is the last byte of the first read buffer and the LF the first byte of the second.
        string subject = "Subject: " + new string('a', MessageHeaderReader.ReadBufferSize - "Subject: ".Length - 1);
        byte[] text = Encoding.ASCII.GetBytes(subject + "\r\nFrom: a@example.com\r\n\r\nbody\r\n");
        using var stream = new MemoryStream(text);

        SavedMessage message = MessageHeaderReader.Read(stream, "split.eml");

        Assert.Equal(2, message.Fields.Count);
        Assert.Equal("a@example.com", message.First("From"));
    }

    [Fact]
    public void BareCarriageReturnEndsLine()
    {
        SavedMessage message = Read("Subject: a\rFrom: b@example.com\r\rbody\r");

        Assert.Equal(2, message.Fields.Count);
        Assert.Equal("a", message.First("Subject"));
        Assert.Equal("b@example.com", message.First("From"));
    }

    [Fact]
    public void BodyIsNotRead()
    {
        using var stream = new EndlessBodyStream(Encoding.ASCII.GetBytes("Subject: big\r\nFrom: a@example.com\r\n\r\n"));

        SavedMessage message = MessageHeaderReader.Read(stream, "big.eml");

        Assert.Equal(2, message.Fields.Count);
        Assert.True(stream.BytesRead <= 2 * MessageHeaderReader.ReadBufferSize, $"{stream.BytesRead} bytes read");
    }

    /// <summary>A message stream with a header and a body that never ends, counting the bytes read.</summary>
    private sealed class EndlessBodyStream : Stream
    {
        private readonly byte[] _header;

        public EndlessBodyStream(byte[] header) => _header = header;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int index = 0; index < count; index++)
            {
                buffer[offset + index] = BytesRead + index < _header.Length ? _header[BytesRead + index] : (byte)'A';
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
