using System;
using System.IO;

namespace ExchangeSpfAgent.Tests.Configuration;

/// <summary>Builds configuration documents for tests, one element per line so that line numbers are predictable.</summary>
public static class ConfigurationXml
{
    /// <summary>
    /// Returns a document whose root contains <paramref name="body"/>; the first line of the body is line 3.
    /// </summary>
    public static string Document(string body) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ExchangeSpfAgent>\n" + body.Trim('\n') + "\n</ExchangeSpfAgent>\n";

    /// <summary>Returns the shipped configuration file of the source tree.</summary>
    public static string ShippedFilePath()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null)
        {
            string candidate = Path.Combine(directory.FullName, "Agent", "ExchangeSpfAgent.config.xml");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new FileNotFoundException("Agent/ExchangeSpfAgent.config.xml was not found above " + AppContext.BaseDirectory);
    }
}
