using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>Parses the date-time of RFC 5322 §3.3, as in <c>Date:</c> and after the semicolon of <c>Received:</c>.</summary>
internal static class MailDate
{
    // [day-of-week ","] day month year hour ":" minute [":" second] zone, with an optional trailing comment.
    private static readonly Regex s_dateTime = new(
        @"^\s*(?:[A-Za-z]{3}\s*,\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>\d{4})\s+"
            + @"(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s+(?<zone>[+-]\d{4}|UT|GMT|Z)\s*(?:\(.*\))?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly string[] s_months =
        { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

    /// <summary>Parses <paramref name="text"/>; obsolete zone names other than UT, GMT and Z are rejected.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        Match match = s_dateTime.Match(text.Replace("\r\n", string.Empty));
        if (!match.Success)
        {
            return false;
        }

        int month = Array.IndexOf(s_months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return false;
        }

        TimeSpan offset = TimeSpan.Zero;
        string zone = match.Groups["zone"].Value;
        if (zone[0] == '+' || zone[0] == '-')
        {
            int hours = int.Parse(zone.Substring(1, 2), CultureInfo.InvariantCulture);
            int minutes = int.Parse(zone.Substring(3, 2), CultureInfo.InvariantCulture);
            offset = new TimeSpan(hours, minutes, 0);
            offset = zone[0] == '-' ? -offset : offset;
        }

        try
        {
            value = new DateTimeOffset(
                Number(match, "year"),
                month,
                Number(match, "day"),
                Number(match, "hour"),
                Number(match, "minute"),
                match.Groups["second"].Success ? Number(match, "second") : 0,
                offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
