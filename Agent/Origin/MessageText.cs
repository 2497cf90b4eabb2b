using System.Text;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Formatting of untrusted text for error and log messages.
/// </summary>
internal static class MessageText
{
    /// <summary>
    /// Returns <paramref name="text"/> with each control character, which would garble a log line, replaced by '?',
    /// and cut after <paramref name="maxLength"/> characters with "..." appended.
    /// </summary>
    public static string Printable(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length < maxLength ? text.Length : maxLength + 3);
        foreach (char c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append("...");
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
