using System;
using System.Globalization;
using System.Text;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>
/// Decodes the text forms of master files: backslash escapes, domain names relative to an origin, and TTLs.
/// </summary>
internal static class ZoneText
{
    // RFC 1035 §3.3: a character-string is at most 255 octets after its length octet.
    public const int MaxCharacterStringLength = 255;

    // RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds.
    private const long MaxTimeToLiveSeconds = int.MaxValue;

    private const int DecimalEscapeLength = 3;
    private const int MaxOctet = 255;

    /// <summary>
    /// Decodes <c>\X</c> (the character X) and <c>\DDD</c> (the octet with decimal value DDD, RFC 1035 §5.1).
    /// Each octet becomes one char from U+0000 to U+00FF.
    /// </summary>
    /// <exception cref="FormatException">A decimal escape is above 255, or the text ends with a backslash.</exception>
    public static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int index = 0; index < text.Length; index++)
        {
            char c = text[index];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (index + 1 >= text.Length)
            {
                throw new FormatException($"'{text}' ends with a backslash that escapes nothing.");
            }

            if (IsDecimalEscape(text, index + 1))
            {
                int octet = int.Parse(text.Substring(index + 1, DecimalEscapeLength), CultureInfo.InvariantCulture);
                if (octet > MaxOctet)
                {
                    throw new FormatException($"'{text}' contains the escape \\{octet}, above the largest octet 255.");
                }

                builder.Append((char)octet);
                index += DecimalEscapeLength;
            }
            else
            {
                builder.Append(text[index + 1]);
                index++;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns the absolute name of <paramref name="token"/> in lower case without the trailing dot; the root is the
    /// empty string. <c>@</c> is <paramref name="origin"/>, and a name without a trailing dot is relative to it.
    /// </summary>
    /// <exception cref="FormatException">
    /// The name is relative but there is no origin, has an empty label or an escaped dot.
    /// </exception>
    public static string ToAbsoluteName(string token, string? origin)
    {
        if (token == "@")
        {
            return origin ?? throw new FormatException("'@' needs an origin: add a $ORIGIN line or name the file ORIGIN.zone.");
        }

        if (token.IndexOf("\\.", StringComparison.Ordinal) >= 0 || token.IndexOf("\\046", StringComparison.Ordinal) >= 0)
        {
            throw new FormatException($"The name '{token}' contains an escaped dot, which this reader does not support.");
        }

        string name = Unescape(token);
        if (name == ".")
        {
            return string.Empty;
        }

        bool absolute = name.EndsWith(".", StringComparison.Ordinal);
        if (absolute)
        {
            name = name.Substring(0, name.Length - 1);
        }
        else if (origin is null)
        {
            throw new FormatException(
                $"The relative name '{token}' needs an origin: add a $ORIGIN line or name the file ORIGIN.zone.");
        }
        else if (origin.Length > 0)
        {
            name = name + "." + origin;
        }

        if (name.Length == 0 || name.StartsWith(".", StringComparison.Ordinal)
            || name.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            throw new FormatException($"The name '{token}' has an empty label.");
        }

        return name.ToLowerInvariant();
    }

    /// <summary>Returns whether <paramref name="name"/> is <paramref name="zone"/> or a name below it.</summary>
    public static bool IsAtOrBelow(string name, string zone) =>
        zone.Length == 0
        || string.Equals(name, zone, StringComparison.Ordinal)
        || name.EndsWith("." + zone, StringComparison.Ordinal);

    /// <summary>
    /// Parses a TTL in seconds or with BIND's units, such as <c>3600</c>, <c>1h</c> or <c>1h30m</c>.
    /// </summary>
    public static bool TryParseTimeToLive(string text, out TimeSpan timeToLive)
    {
        timeToLive = TimeSpan.Zero;
        if (text.Length == 0 || !char.IsDigit(text[0]))
        {
            return false;
        }

        long total = 0;
        long number = 0;
        bool hasDigits = false;
        foreach (char c in text)
        {
            if (c >= '0' && c <= '9')
            {
                number = (number * 10) + (c - '0');
                hasDigits = true;
                if (number > MaxTimeToLiveSeconds)
                {
                    return false;
                }

                continue;
            }

            long unit = char.ToLowerInvariant(c) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                'w' => 604800,
                _ => 0,
            };
            if (unit == 0 || !hasDigits)
            {
                return false;
            }

            total += number * unit;
            if (total > MaxTimeToLiveSeconds)
            {
                return false;
            }

            number = 0;
            hasDigits = false;
        }

        total += number;
        if (total > MaxTimeToLiveSeconds)
        {
            return false;
        }

        timeToLive = TimeSpan.FromSeconds(total);
        return true;
    }

    private static bool IsDecimalEscape(string text, int start)
    {
        if (start + DecimalEscapeLength > text.Length)
        {
            return false;
        }

        for (int index = start; index < start + DecimalEscapeLength; index++)
        {
            if (text[index] < '0' || text[index] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
