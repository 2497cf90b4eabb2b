using System;
using System.Collections.Generic;
using System.Text;

namespace ExchangeSpfAgent.Tests.Logging;

/// <summary>A reader of one CSV record per line, following RFC 4180 §2 (quoted fields, doubled quotes).</summary>
public static class CsvReader
{
    /// <exception cref="FormatException">The line is not a valid RFC 4180 record.</exception>
    public static IReadOnlyList<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int index = 0;
        while (true)
        {
            field.Clear();
            if (index < line.Length && line[index] == '"')
            {
                index++;
                while (true)
                {
                    if (index >= line.Length)
                    {
                        throw new FormatException("Unterminated quoted field in: " + line);
                    }

                    char c = line[index++];
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (index < line.Length && line[index] == '"')
                    {
                        field.Append('"');
                        index++;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else
            {
                while (index < line.Length && line[index] != ',')
                {
                    if (line[index] is '"' or '\r' or '\n')
                    {
                        throw new FormatException("Quote or line break in an unquoted field in: " + line);
                    }

                    field.Append(line[index++]);
                }
            }

            fields.Add(field.ToString());
            if (index == line.Length)
            {
                return fields;
            }

            if (line[index] != ',')
            {
                throw new FormatException($"Expected a comma at {index} in: " + line);
            }

            index++;
        }
    }
}
