using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// Reads the header of a saved message up to the blank line that ends it (RFC 5322 §2.1), and never reads the
/// body, so a message of any size costs the same.
/// </summary>
/// <remarks>
/// Lines may end in CRLF or LF. A first line that starts with <c>From </c> (the mbox separator) is skipped. The
/// text is read as UTF-8 (RFC 6532); invalid octets become U+FFFD.
/// </remarks>
internal static class MessageHeaderReader
{
    /// <summary>
    /// The maximum size of a header in characters, each line end counted as two. A larger header is rejected as not
    /// a message header, and reading stops at the limit, even inside a line.
    /// </summary>
    public const int MaxHeaderLength = 1024 * 1024;

    /// <summary>The size in bytes of the read buffer, the most of the body that is ever read.</summary>
    public const int ReadBufferSize = 4096;

    private const string MboxSeparator = "From ";

    // The length of CRLF, which every line end counts as, whether the file has CRLF or LF.
    private const int LineEndLength = 2;

    /// <exception cref="MessageFormatException">The file does not start with a valid header.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    public static SavedMessage Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Read(stream, path);
    }

    /// <summary>Reads the header from <paramref name="stream"/>, which it leaves open.</summary>
    /// <exception cref="MessageFormatException">The stream does not start with a valid header.</exception>
    public static SavedMessage Read(Stream stream, string path)
    {
        // A small buffer: the reader stops at the end of the header, so at most one buffer of the body is read.
        using var reader = new StreamReader(
            stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, ReadBufferSize, leaveOpen: true);
        return Read(reader, path);
    }

    /// <exception cref="MessageFormatException">The text does not start with a valid header.</exception>
    public static SavedMessage Read(TextReader reader, string path)
    {
        var fields = new List<HeaderField>();
        string? name = null;
        var value = new StringBuilder();
        int fieldLine = 0;
        int lineNumber = 0;
        int length = 0;
        bool afterCarriageReturn = false;
        var lineText = new StringBuilder();
        while (ReadLine(reader, lineText, MaxHeaderLength - length - LineEndLength, ref afterCarriageReturn))
        {
            lineNumber++;

            // The blank line ends the header and is not part of it, so it does not count towards the limit.
            if (lineText.Length == 0)
            {
                break;
            }

            length += lineText.Length + LineEndLength;
            if (length > MaxHeaderLength)
            {
                throw new MessageFormatException(path, lineNumber, $"The header is longer than {MaxHeaderLength} characters.");
            }

            string line = lineText.ToString();

            if (lineNumber == 1 && line.StartsWith(MboxSeparator, StringComparison.Ordinal))
            {
                continue;
            }

            if (line[0] == ' ' || line[0] == '\t')
            {
                if (name is null)
                {
                    throw new MessageFormatException(path, lineNumber, "A folded line comes before the first header field.");
                }

                value.Append("\r\n").Append(line);
                continue;
            }

            Add(fields, name, value, fieldLine);
            int colon = line.IndexOf(':');
            if (colon <= 0 || !IsFieldName(line, colon))
            {
                throw new MessageFormatException(
                    path,
                    lineNumber,
                    "The line is not a header field (name: value); a saved message must start with its header.");
            }

            name = line.Substring(0, colon).TrimEnd(' ', '\t');
            fieldLine = lineNumber;
            value.Clear();
            value.Append(line.Substring(colon + 1).TrimStart(' ', '\t'));
        }

        Add(fields, name, value, fieldLine);
        if (fields.Count == 0)
        {
            throw new MessageFormatException(path, 0, "The file has no header fields.");
        }

        return new SavedMessage(path, fields);
    }

    /// <summary>
    /// Reads one line into <paramref name="line"/> without its line end (CRLF, LF or CR, as
    /// <see cref="TextReader.ReadLine"/> ends lines), stopping after <paramref name="maxLength"/> + 1 characters.
    /// </summary>
    /// <returns>False at the end of the text, when no character was read.</returns>
    private static bool ReadLine(TextReader reader, StringBuilder line, int maxLength, ref bool afterCarriageReturn)
    {
        line.Clear();
        int next = reader.Read();

        // Skips the LF of a CRLF whose CR ended the previous line. The flag carries the CR over, so no Peek is needed.
        if (afterCarriageReturn && next == '\n')
        {
            next = reader.Read();
        }

        afterCarriageReturn = false;
        if (next < 0)
        {
            return false;
        }

        while (next >= 0 && next != '\n')
        {
            if (next == '\r')
            {
                afterCarriageReturn = true;
                break;
            }

            line.Append((char)next);
            if (line.Length > maxLength)
            {
                break;
            }

            next = reader.Read();
        }

        return true;
    }

    private static void Add(List<HeaderField> fields, string? name, StringBuilder value, int lineNumber)
    {
        if (name is not null)
        {
            fields.Add(new HeaderField(name, value.ToString(), lineNumber));
        }
    }

    // RFC 5322 §3.6.8: a field name is printable US-ASCII other than the colon; blanks before the colon are
    // obsolete syntax (§4.5.8) that readers accept.
    private static bool IsFieldName(string line, int colon)
    {
        string name = line.Substring(0, colon).TrimEnd(' ', '\t');
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c < '!' || c > '~')
            {
                return false;
            }
        }

        return true;
    }
}
