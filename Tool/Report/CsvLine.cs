using System;
using System.Collections.Generic;
using System.Text;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>Splits one line of RFC 4180 CSV into fields.</summary>
internal static class CsvLine
{
    /// <summary>
    /// Returns the fields of <paramref name="line"/>: quoted fields with doubled quotes inside, or unquoted fields.
    /// </summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows its closing quote.</exception>
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        int index = 0;
        while (true)
        {
            var field = new StringBuilder();
            if (index < line.Length && line[index] == '"')
            {
                index++;
                while (true)
                {
                    if (index >= line.Length)
                    {
                        throw new FormatException("A quoted field is not closed before the end of the line.");
                    }

                    if (line[index] == '"')
                    {
                        if (index + 1 < line.Length && line[index + 1] == '"')
                        {
                            field.Append('"');
                            index += 2;
                            continue;
                        }

                        index++;
                        break;
                    }

                    field.Append(line[index]);
                    index++;
                }

                if (index < line.Length && line[index] != ',')
                {
                    throw new FormatException($"Text follows the closing quote of field {fields.Count + 1}.");
                }
            }
            else
            {
                while (index < line.Length && line[index] != ',')
                {
                    field.Append(line[index]);
                    index++;
                }
            }

            fields.Add(field.ToString());
            if (index >= line.Length)
            {
                return fields;
            }

            index++;
        }
    }
}
