using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// The text format of the decision log: a header in the style of Exchange's protocol logs, then one CSV line per
/// message.
/// </summary>
/// <remarks>
/// <para>
/// The header lines start with <c>#</c>; <c>#Fields:</c> names the columns. Every value is enclosed in double quotes
/// with embedded quotes doubled (RFC 4180 §2), so commas and quotes from a hostile header stay inside their field.
/// </para>
/// <para>
/// A line break inside a quoted field is valid CSV but would break tools that read one line per record, so control
/// characters are written as escapes: <c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\xHH</c> for the other C0 controls and
/// DEL, <c>\uHHHH</c> for C1 controls, the Unicode line and paragraph separators and unpaired surrogates (which UTF-8
/// cannot encode), and <c>\\</c> for a backslash.
/// <see cref="Unescape"/> reverses this. Other characters, including non-ASCII letters, are written as they are in
/// UTF-8.
/// </para>
/// </remarks>
public static class DecisionLogFormat
{
    /// <summary>The value of the <c>#Software</c> header line.</summary>
    public const string Software = "ExchangeSpfAgent";

    /// <summary>The value of the <c>#Log-type</c> header line.</summary>
    public const string LogType = "SPF Decision Log";

    /// <summary>The column names, in order, as the <c>#Fields:</c> header line lists them.</summary>
    public static IReadOnlyList<string> Fields { get; } = new[]
    {
        "date-time",
        "session-id",
        "message-id",
        "connector-endpoint",
        "peer-ip",
        "origin-ip",
        "origin-source",
        "helo",
        "mail-from",
        "identity",
        "result",
        "mechanism",
        "action",
        "smtp-response",
        "elapsed-ms",
        "dns-queries",
        "cache-hits",
        "reason",
    };

    /// <summary>Returns the header lines of a new file, separated by CRLF, without a final line break.</summary>
    public static string FormatHeader(string version, DateTimeOffset created) =>
        "#Software: " + Software + "\r\n"
        + "#Version: " + version + "\r\n"
        + "#Log-type: " + LogType + "\r\n"
        + "#Date: " + FormatTime(created) + "\r\n"
        + "#Fields: " + string.Join(",", Fields);

    /// <summary>Returns the CSV line of one decision, without a line break.</summary>
    public static string FormatLine(DecisionRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var builder = new StringBuilder(256);
        Append(builder, FormatTime(record.Time));
        Append(builder, record.SessionId);
        Append(builder, record.MessageId);
        Append(builder, record.ConnectorEndPoint);
        Append(builder, record.PeerIp);
        Append(builder, record.OriginIp);
        Append(builder, record.OriginSource);
        Append(builder, record.Helo);
        Append(builder, record.MailFrom);
        Append(builder, record.Identity);
        Append(builder, record.Result);
        Append(builder, record.Mechanism);
        Append(builder, record.Action);
        Append(builder, record.SmtpResponse);
        Append(builder, record.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        Append(builder, record.DnsQueries.ToString(CultureInfo.InvariantCulture));
        Append(builder, record.CacheHits.ToString(CultureInfo.InvariantCulture));
        Append(builder, record.Reason);
        return builder.ToString();
    }

    /// <summary>Reverses the escapes of one field that a CSV reader has already unquoted.</summary>
    /// <exception cref="FormatException">The field contains an incomplete or unknown escape.</exception>
    public static string Unescape(string field) => DecisionLogEscapes.Unescape(field);

    /// <summary>Formats a time as Exchange's logs do: ISO 8601 in UTC with milliseconds and a Z.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, string? value)
    {
        if (builder.Length > 0)
        {
            builder.Append(',');
        }

        builder.Append('"');
        AppendEscaped(builder, value ?? string.Empty);
        builder.Append('"');
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        for (int index = 0; index < value.Length; index++)
        {
            char c = value[index];
            switch (c)
            {
                case '"':
                    builder.Append("\"\"");
                    break;
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (char.IsSurrogatePair(value, index))
                    {
                        builder.Append(c).Append(value[++index]);
                    }
                    else
                    {
                        DecisionLogEscapes.AppendOther(builder, c);
                    }

                    break;
            }
        }
    }
}
