using System;
using System.Collections.Generic;
using System.Text;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Reads the words, comments and bracketed tokens of the stamp part of a <c>Received</c> header.
/// </summary>
/// <remarks>
/// The HELO argument is text that the sending client chose, and MTAs copy it verbatim after
/// <c>from</c>, after <c>HELO</c> in a qmail or IronPort comment, and after Exim's <c>helo=</c>.
/// SMTP arguments cannot contain spaces (RFC 5321 §4.1.1.1), so the reader takes the HELO as one
/// whitespace-delimited word wherever it appears. A parenthesis or bracket inside it therefore
/// cannot shift the structure of the rest of the line.
/// </remarks>
internal sealed class ReceivedTokenReader
{
    private const string EximHeloKey = "helo=";
    private const string HeloWord = "HELO";

    private readonly string _text;

    public ReceivedTokenReader(string text)
    {
        _text = text;
    }

    public int Position { get; set; }

    public bool AtEnd
    {
        get
        {
            SkipWhitespace();
            return Position >= _text.Length;
        }
    }

    /// <summary>Gets the next character after whitespace; only valid when not <see cref="AtEnd"/>.</summary>
    public char Current
    {
        get
        {
            SkipWhitespace();
            return _text[Position];
        }
    }

    /// <summary>Reads every character up to the next whitespace.</summary>
    public string ReadRawWord()
    {
        SkipWhitespace();
        int start = Position;
        while (Position < _text.Length && !IsWhitespace(_text[Position]))
        {
            Position++;
        }

        return _text.Substring(start, Position - start);
    }

    /// <summary>
    /// Reads an atom, a domain literal (with an optional <c>:port</c>), an angle address or a quoted
    /// string. Returns false when a bracket, angle or quote is not closed.
    /// </summary>
    public bool TryReadToken(out string token)
    {
        SkipWhitespace();
        token = string.Empty;
        int start = Position;
        char first = _text[Position];
        if (first == '[' || first == '<')
        {
            int close = _text.IndexOf(first == '[' ? ']' : '>', Position + 1);
            if (close < 0)
            {
                return false;
            }

            Position = close + 1;
            if (first == '[')
            {
                SkipPort();
            }
        }
        else if (first == '"')
        {
            if (!TrySkipQuotedString())
            {
                return false;
            }
        }
        else
        {
            while (Position < _text.Length && !IsWhitespace(_text[Position]) && _text[Position] != '(')
            {
                Position++;
            }
        }

        token = _text.Substring(start, Position - start);
        return true;
    }

    /// <summary>
    /// Reads the comment that starts at the current position. Returns false when it is not closed.
    /// </summary>
    public bool TryReadComment(out ReceivedComment? comment)
    {
        SkipWhitespace();
        comment = null;
        var words = new List<string>();
        var word = new StringBuilder();
        int depth = 0;
        while (Position < _text.Length)
        {
            char c = _text[Position];
            if (depth == 1 && word.Length == 0 && StartsHeloArgument(words))
            {
                string raw = ReadRawWord();

                // The closing parenthesis of the comment is the last character of the word.
                if (raw.EndsWith(")", StringComparison.Ordinal))
                {
                    words.Add(raw.Substring(0, raw.Length - 1));
                    comment = new ReceivedComment(words);
                    return true;
                }

                words.Add(raw);
                continue;
            }

            Position++;
            if (c == '\\')
            {
                if (Position < _text.Length && depth == 1)
                {
                    word.Append(_text[Position]);
                }

                Position++;
            }
            else if (c == '(')
            {
                depth++;
                FlushWord(words, word);
            }
            else if (c == ')')
            {
                depth--;
                FlushWord(words, word);
                if (depth == 0)
                {
                    comment = new ReceivedComment(words);
                    return true;
                }
            }
            else if (depth == 1 && !IsWhitespace(c))
            {
                word.Append(c);
            }
            else if (depth == 1)
            {
                FlushWord(words, word);
            }
        }

        return false;
    }

    private static void FlushWord(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

    private bool StartsHeloArgument(List<string> words)
    {
        char c = _text[Position];
        if (IsWhitespace(c) || c == '(' || c == ')')
        {
            return false;
        }

        bool afterHeloWord = words.Count == 1 && string.Equals(words[0], HeloWord, StringComparison.OrdinalIgnoreCase);
        bool eximKey = string.Compare(
            _text, Position, EximHeloKey, 0, EximHeloKey.Length, StringComparison.OrdinalIgnoreCase) == 0;
        return afterHeloWord || eximKey;
    }

    private void SkipPort()
    {
        if (Position + 1 < _text.Length && _text[Position] == ':' && IPAddressSyntax.IsDigit(_text[Position + 1]))
        {
            Position++;
            while (Position < _text.Length && IPAddressSyntax.IsDigit(_text[Position]))
            {
                Position++;
            }
        }
    }

    private bool TrySkipQuotedString()
    {
        Position++;
        while (Position < _text.Length)
        {
            char c = _text[Position];
            if (c == '\\')
            {
                Position += 2;
                continue;
            }

            Position++;
            if (c == '"')
            {
                return true;
            }
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (Position < _text.Length && IsWhitespace(_text[Position]))
        {
            Position++;
        }
    }
}
