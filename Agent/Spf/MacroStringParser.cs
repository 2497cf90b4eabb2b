using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Parses macro-strings (RFC 7208 §7.1) into literal, escape and macro tokens.
/// </summary>
internal static class MacroStringParser
{
    // RFC 7208 §7.1: delimiter = "." / "-" / "+" / "," / "/" / "_" / "=".
    private const string DelimiterCharacters = ".-+,/_=";

    // A transformer digit count beyond this keeps all parts anyway: 253 characters hold at most 127 labels.
    private const int MaxRightParts = 128;

    /// <summary>
    /// Parses a macro-string, allowing the given macro letters and, for explanation text, spaces.
    /// </summary>
    public static bool TryParse(
        string text,
        string allowedLetters,
        bool allowSpaces,
        [NotNullWhen(true)] out MacroString? result,
        out string error)
    {
        var tokens = new List<MacroToken>();
        var literal = new StringBuilder();
        int position = 0;
        while (position < text.Length)
        {
            char current = text[position];
            if (current != '%')
            {
                if (!IsLiteralCharacter(current, allowSpaces))
                {
                    return Fail(
                        $"The character U+{(int)current:X4} at position {position} is not allowed in a macro-string.",
                        out result,
                        out error);
                }

                literal.Append(current);
                position++;
                continue;
            }

            FlushLiteral(literal, tokens);
            if (!TryParseExpand(text, ref position, allowedLetters, out MacroToken? token, out error))
            {
                result = null;
                return false;
            }

            tokens.Add(token!);
        }

        FlushLiteral(literal, tokens);
        result = new MacroString(text, tokens);
        error = "";
        return true;
    }

    private static bool TryParseExpand(
        string text,
        ref int position,
        string allowedLetters,
        out MacroToken? token,
        out string error)
    {
        int start = position;
        if (position + 1 >= text.Length)
        {
            return FailToken($"The '%' at position {start} ends the string; write '%%' for a literal percent sign.",
                out token, out error);
        }

        char next = text[position + 1];
        switch (next)
        {
            case '%':
                position += 2;
                return SucceedToken(MacroToken.Escape("%"), out token, out error);
            case '_':
                position += 2;
                return SucceedToken(MacroToken.Escape(" "), out token, out error);
            case '-':
                position += 2;
                return SucceedToken(MacroToken.Escape("%20"), out token, out error);
            case '{':
                break;
            default:
                // RFC 7208 §7.1: a '%' not followed by '{', '%', '-' or '_' is a syntax error.
                return FailToken($"The '%' at position {start} is not followed by '{{', '%', '-' or '_'.",
                    out token, out error);
        }

        int close = text.IndexOf('}', position + 2);
        if (close < 0)
        {
            return FailToken($"The macro at position {start} has no closing '}}'.", out token, out error);
        }

        string body = text.Substring(position + 2, close - position - 2);
        position = close + 1;
        return TryParseMacroBody(body, start, allowedLetters, out token, out error);
    }

    private static bool TryParseMacroBody(
        string body,
        int start,
        string allowedLetters,
        out MacroToken? token,
        out string error)
    {
        if (body.Length == 0)
        {
            return FailToken($"The macro at position {start} has no letter.", out token, out error);
        }

        char written = body[0];
        char letter = char.ToLowerInvariant(written);
        if (written > 0x7F || allowedLetters.IndexOf(letter) < 0)
        {
            return FailToken(
                $"The macro letter '{written}' at position {start} is not allowed here. "
                    + $"The allowed letters are '{allowedLetters}'.",
                out token, out error);
        }

        int index = 1;
        int digitsStart = index;
        while (index < body.Length && body[index] >= '0' && body[index] <= '9')
        {
            index++;
        }

        int rightParts = 0;
        if (index > digitsStart)
        {
            string digits = body.Substring(digitsStart, index - digitsStart).TrimStart('0');
            if (digits.Length == 0)
            {
                // RFC 7208 §7.3: a DIGIT transformer, when given, MUST be nonzero.
                return FailToken($"The macro at position {start} keeps zero parts.", out token, out error);
            }

            rightParts = digits.Length > 3
                ? MaxRightParts
                : Math.Min(MaxRightParts, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        bool reverse = false;
        if (index < body.Length && (body[index] == 'r' || body[index] == 'R'))
        {
            reverse = true;
            index++;
        }

        string delimiters = body.Substring(index);
        foreach (char delimiter in delimiters)
        {
            if (DelimiterCharacters.IndexOf(delimiter) < 0)
            {
                return FailToken(
                    $"The macro at position {start} has '{delimiter}' where a delimiter "
                        + $"('{DelimiterCharacters}') belongs.",
                    out token, out error);
            }
        }

        bool urlEscape = written >= 'A' && written <= 'Z';
        return SucceedToken(MacroToken.Macro(letter, urlEscape, rightParts, reverse, delimiters), out token, out error);
    }

    // RFC 7208 §7.1: macro-literal = %x21-24 / %x26-7E; explain-string also allows SP (§6.2).
    private static bool IsLiteralCharacter(char character, bool allowSpaces) =>
        (character >= 0x21 && character <= 0x7E && character != '%') || (allowSpaces && character == ' ');

    private static void FlushLiteral(StringBuilder literal, List<MacroToken> tokens)
    {
        if (literal.Length > 0)
        {
            tokens.Add(MacroToken.Literal(literal.ToString()));
            literal.Clear();
        }
    }

    private static bool Fail(string message, out MacroString? result, out string error)
    {
        result = null;
        error = message;
        return false;
    }

    private static bool FailToken(string message, out MacroToken? token, out string error)
    {
        token = null;
        error = message;
        return false;
    }

    private static bool SucceedToken(MacroToken value, out MacroToken? token, out string error)
    {
        token = value;
        error = "";
        return true;
    }
}
