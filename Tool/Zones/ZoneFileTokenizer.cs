using System.Collections.Generic;
using System.Text;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>
/// Splits master file text into entries of tokens (RFC 1035 §5.1): comments start with a semicolon, parentheses
/// continue an entry over line breaks, and double quotes enclose a string that may contain blanks.
/// </summary>
/// <remarks>
/// A backslash escapes the next character (or starts a <c>\DDD</c> decimal escape) in quoted and unquoted text
/// alike, so <c>\"</c>, <c>\;</c> and <c>\(</c> are literal. Escapes stay in the token text;
/// <see cref="ZoneText"/> decodes them.
/// </remarks>
internal sealed class ZoneFileTokenizer
{
    private readonly string _text;
    private readonly string _filePath;
    private int _position;
    private int _lineNumber = 1;

    private ZoneFileTokenizer(string text, string filePath)
    {
        _text = text;
        _filePath = filePath;
    }

    /// <summary>Returns the entries of <paramref name="text"/> that contain at least one token.</summary>
    /// <exception cref="ZoneFileException">A quote or parenthesis is not closed, or a parenthesis is not opened.</exception>
    public static List<ZoneEntry> Tokenize(string text, string filePath) => new ZoneFileTokenizer(text, filePath).ReadAll();

    private List<ZoneEntry> ReadAll()
    {
        var entries = new List<ZoneEntry>();
        while (_position < _text.Length)
        {
            ZoneEntry? entry = ReadEntry();
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    // Reads from the start of a physical line to the line break that ends the entry outside parentheses.
    private ZoneEntry? ReadEntry()
    {
        int startLine = _lineNumber;
        int openLine = 0;
        bool startsWithBlank = IsBlank(_text[_position]);
        var tokens = new List<ZoneToken>();
        int depth = 0;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _lineNumber++;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (IsBlank(c) || c == '\r')
            {
                _position++;
            }
            else if (c == ';')
            {
                SkipToLineEnd();
            }
            else if (c == '(')
            {
                if (depth == 0)
                {
                    openLine = _lineNumber;
                }

                depth++;
                _position++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    throw new ZoneFileException(_filePath, _lineNumber, "A closing parenthesis has no opening one.");
                }

                depth--;
                _position++;
            }
            else if (c == '"')
            {
                tokens.Add(new ZoneToken(ReadQuoted(), isQuoted: true));
            }
            else
            {
                tokens.Add(new ZoneToken(ReadWord(), isQuoted: false));
            }
        }

        if (depth > 0)
        {
            throw new ZoneFileException(
                _filePath, openLine, "The parenthesis opened on this line is not closed before the end of the file.");
        }

        return tokens.Count == 0 ? null : new ZoneEntry(startLine, startsWithBlank, tokens);
    }

    private string ReadQuoted()
    {
        int line = _lineNumber;
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c == '\n')
            {
                break;
            }

            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] != '\n')
            {
                builder.Append(c).Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            builder.Append(c);
            _position++;
        }

        throw new ZoneFileException(_filePath, line, "A quoted string is not closed on the line where it starts.");
    }

    private string ReadWord()
    {
        int start = _position;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] != '\n')
            {
                _position += 2;
                continue;
            }

            if (IsBlank(c) || c == '\r' || c == '\n' || c == ';' || c == '(' || c == ')' || c == '"')
            {
                break;
            }

            _position++;
        }

        return _text.Substring(start, _position - start);
    }

    private void SkipToLineEnd()
    {
        while (_position < _text.Length && _text[_position] != '\n')
        {
            _position++;
        }
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';
}
