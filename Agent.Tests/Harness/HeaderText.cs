using System;
using System.Collections.Generic;
using Microsoft.Exchange.Data.Mime;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// Builds a <see cref="HeaderList"/> from RFC 5322 header text, as Exchange has parsed it at end of headers.
/// </summary>
/// <remarks>
/// Folded lines stay folded in the value (CRLF followed by white space), so the agent's unfolding is tested.
/// </remarks>
public static class HeaderText
{
    public static HeaderList Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var headers = new HeaderList();
        string? name = null;
        var value = new List<string>();
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0)
            {
                break;
            }

            if ((line[0] == ' ' || line[0] == '\t') && name != null)
            {
                value.Add(line);
                continue;
            }

            Append(headers, name, value);
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"Header line without a name: '{line}'.");
            }

            name = line.Substring(0, colon);
            value.Clear();
            value.Add(line.Substring(colon + 1).TrimStart(' ', '\t'));
        }

        Append(headers, name, value);
        return headers;
    }

    private static void Append(HeaderList headers, string? name, List<string> value)
    {
        if (name != null)
        {
            headers.AppendChild(new TextHeader(name, string.Join("\r\n", value)));
        }
    }
}
