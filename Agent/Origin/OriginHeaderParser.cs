using System;
using System.Globalization;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Parses the origin header that a filtering appliance writes: one IP address literal, optionally
/// followed by <c>; helo=&lt;name&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// The address may be IPv4, IPv6, in square brackets, tagged <c>IPv6:</c>, or IPv4-mapped, which
/// is returned as IPv4. Comments and folding whitespace are allowed around every part
/// (RFC 5322 CFWS). The address part must be US-ASCII; anything else there makes the value
/// invalid.
/// </para>
/// <para>
/// The parameters after the first <c>;</c> are read as <c>name=value</c> pairs. Only
/// <c>helo</c> is used, and other well-formed parameters are ignored, so that an appliance that
/// adds fields to its template keeps working. A problem in the parameters (bad syntax, a second
/// <c>helo</c>, a value that is not a host name or address literal, non-ASCII text, or a value
/// longer than <see cref="MaxValueLength"/>) drops the HELO name but keeps the address. The
/// reason is that the appliance copies the HELO argument from the client, so a sender could
/// otherwise choose a HELO that voids the whole header and switches the SPF check off.
/// </para>
/// </remarks>
public static class OriginHeaderParser
{
    /// <summary>The header name that the configuration uses unless it names another.</summary>
    public const string DefaultHeaderName = "X-Origin-IP";

    /// <summary>The maximum length, in characters, of a value whose parameters are read.</summary>
    /// <remarks>
    /// Twice the 512-octet SMTP command line of RFC 5321 §4.5.3.1.4, which bounds the HELO
    /// argument that an appliance can copy into the header.
    /// </remarks>
    public const int MaxValueLength = 1024;

    private const string HeloParameter = "helo";

    /// <summary>Parses <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">
    /// <paramref name="value"/> contains no valid address. The message gives the reason.
    /// </exception>
    public static OriginHeaderValue Parse(string? value)
    {
        if (!TryParse(value, out OriginHeaderValue? result, out string? failureReason))
        {
            throw new FormatException(failureReason);
        }

        return result!;
    }

    /// <summary>
    /// Parses <paramref name="value"/>, and on failure returns a sentence that gives the reason.
    /// </summary>
    public static bool TryParse(string? value, out OriginHeaderValue? result, out string? failureReason)
    {
        result = null;
        if (value is null || value.Trim().Length == 0)
        {
            failureReason = "The origin header is empty.";
            return false;
        }

        string text = HeaderText.Unfold(value);
        int limit = Math.Min(text.Length, MaxValueLength);
        int position = 0;
        if (!TryReadAddress(text, ref position, limit, out IPAddress? address, out failureReason))
        {
            return false;
        }

        string? helo = null;
        string? heloProblem = null;
        if (position < text.Length)
        {
            if (text.Length > MaxValueLength)
            {
                heloProblem = "The parameters after the address were ignored because the value is longer than "
                    + MaxValueLength.ToString(CultureInfo.InvariantCulture) + " characters.";
            }
            else if (!TryReadParameters(text, position, out helo, out heloProblem))
            {
                helo = null;
            }
        }

        result = new OriginHeaderValue(address!, helo, heloProblem);
        failureReason = null;
        return true;
    }

    private static bool TryReadAddress(
        string text, ref int position, int limit, out IPAddress? address, out string? failureReason)
    {
        address = null;
        for (int index = 0; index < limit && text[index] != ';'; index++)
        {
            if (!HeaderText.IsPrintableAscii(text[index]))
            {
                failureReason = "The origin header contains a control or non-ASCII character at position "
                    + (index + 1).ToString(CultureInfo.InvariantCulture) + ".";
                return false;
            }
        }

        if (!HeaderText.TrySkipCommentsAndWhitespace(text, ref position, limit))
        {
            failureReason = "The origin header has a comment that is not closed.";
            return false;
        }

        int start = position;
        while (position < limit && !IsAddressEnd(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            failureReason = "The origin header contains no IP address.";
            return false;
        }

        if (position == limit && limit < text.Length)
        {
            failureReason = "The origin header is longer than "
                + MaxValueLength.ToString(CultureInfo.InvariantCulture) + " characters without a valid IP address.";
            return false;
        }

        string literal = text.Substring(start, position - start);
        if (!IPAddressSyntax.TryParseLiteral(literal, out address))
        {
            failureReason = $"The origin header value '{HeaderText.Excerpt(literal)}' is not an IP address.";
            return false;
        }

        if (!HeaderText.TrySkipCommentsAndWhitespace(text, ref position, limit))
        {
            failureReason = "The origin header has a comment that is not closed.";
            return false;
        }

        if (position < limit && text[position] != ';')
        {
            failureReason = $"The origin header has unexpected text '{HeaderText.Excerpt(text.Substring(position))}' "
                + "after the IP address. Expected the end of the value or ';'.";
            return false;
        }

        failureReason = null;
        return true;
    }

    private static bool IsAddressEnd(char c) => HeaderText.IsWhitespace(c) || c == ';' || c == '(';

    // Reads "; name=value" pairs from the ';' at position to the end.
    private static bool TryReadParameters(string text, int position, out string? helo, out string? problem)
    {
        helo = null;
        for (int index = position; index < text.Length; index++)
        {
            if (!HeaderText.IsPrintableAscii(text[index]))
            {
                problem = "The parameters after the address were ignored because they contain a control or "
                    + "non-ASCII character.";
                return false;
            }
        }

        while (position < text.Length)
        {
            // The address reader stops only at ';', and each pair below ends at ';' or the end.
            position++;
            if (!HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length))
            {
                problem = "The parameters after the address were ignored because a comment is not closed.";
                return false;
            }

            if (position == text.Length)
            {
                break;
            }

            if (!TryReadParameter(text, ref position, out string name, out string parameterValue, out problem))
            {
                return false;
            }

            if (string.Equals(name, HeloParameter, StringComparison.OrdinalIgnoreCase))
            {
                if (helo is not null)
                {
                    problem = "The parameters after the address were ignored because helo= occurs more than once.";
                    return false;
                }

                if (!HeloSyntax.IsValid(parameterValue))
                {
                    problem = $"The HELO name '{HeaderText.Excerpt(parameterValue)}' was ignored because it is "
                        + "not a host name or an address literal.";
                    return false;
                }

                helo = parameterValue;
            }
        }

        problem = null;
        return true;
    }

    private static bool TryReadParameter(
        string text, ref int position, out string name, out string value, out string? problem)
    {
        name = string.Empty;
        value = string.Empty;
        int nameStart = position;
        while (position < text.Length && IsNameCharacter(text[position]))
        {
            position++;
        }

        name = text.Substring(nameStart, position - nameStart);
        bool hasEquals = HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length)
            && position < text.Length
            && text[position] == '=';
        if (name.Length == 0 || !hasEquals)
        {
            problem = $"The parameters after the address were ignored because "
                + $"'{HeaderText.Excerpt(text.Substring(nameStart))}' is not a name=value pair.";
            return false;
        }

        position++;
        if (!HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length))
        {
            problem = "The parameters after the address were ignored because a comment is not closed.";
            return false;
        }

        int valueStart = position;
        while (position < text.Length && IsValueCharacter(text[position]))
        {
            position++;
        }

        value = text.Substring(valueStart, position - valueStart);
        if (value.Length > 2 && value[0] == '<' && value[value.Length - 1] == '>')
        {
            value = value.Substring(1, value.Length - 2);
        }

        bool atPairEnd = HeaderText.TrySkipCommentsAndWhitespace(text, ref position, text.Length)
            && (position == text.Length || text[position] == ';');
        if (value.Length == 0 || !atPairEnd)
        {
            problem = $"The parameters after the address were ignored because the value of '{HeaderText.Excerpt(name)}' is missing "
                + "or followed by unexpected text.";
            return false;
        }

        problem = null;
        return true;
    }

    private static bool IsNameCharacter(char c) =>
        IPAddressSyntax.IsAsciiLetter(c) || IPAddressSyntax.IsDigit(c) || c == '-' || c == '_';

    private static bool IsValueCharacter(char c) =>
        c > ' ' && c <= '~' && c != ';' && c != '(' && c != ')' && c != '"';
}
