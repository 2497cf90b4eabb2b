using System;
using System.Globalization;
using System.Text;

namespace ExchangeSpfAgent.Logging;

/// <summary>The backslash escapes of decision log fields other than <c>\r</c>, <c>\n</c>, <c>\t</c> and <c>\\</c>.</summary>
internal static class DecisionLogEscapes
{
    private const char Delete = '\u007f';
    private const char LineSeparator = '\u2028';
    private const char ParagraphSeparator = '\u2029';

    /// <summary>Appends <paramref name="c"/>, escaped when it is a control character, a separator or a surrogate.</summary>
    public static void AppendOther(StringBuilder builder, char c)
    {
        if (c < ' ' || c == Delete)
        {
            builder.Append(@"\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
        }
        else if (char.IsControl(c) || c == LineSeparator || c == ParagraphSeparator || char.IsSurrogate(c))
        {
            builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append(c);
        }
    }

    public static string Unescape(string field)
    {
        if (field is null)
        {
            throw new ArgumentNullException(nameof(field));
        }

        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (int index = 0; index < field.Length; index++)
        {
            char c = field[index];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (index + 1 >= field.Length)
            {
                throw new FormatException($"The decision log field '{field}' ends with an incomplete escape.");
            }

            char kind = field[++index];
            switch (kind)
            {
                case '\\':
                    builder.Append('\\');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'x':
                    builder.Append(ReadHex(field, index + 1, 2));
                    index += 2;
                    break;
                case 'u':
                    builder.Append(ReadHex(field, index + 1, 4));
                    index += 4;
                    break;
                default:
                    throw new FormatException($"The decision log field '{field}' contains the unknown escape '\\{kind}'.");
            }
        }

        return builder.ToString();
    }

    private static char ReadHex(string field, int start, int length)
    {
        if (start + length > field.Length
            || !int.TryParse(
                field.Substring(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
        {
            throw new FormatException($"The decision log field '{field}' contains an invalid escape at {start - 2}.");
        }

        return (char)code;
    }
}
