using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using ExchangeSpfAgent.Hosting;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// Reads the configuration file, <c>ExchangeSpfAgent.config.xml</c> beside the agent DLL, into
/// <see cref="AgentSettings"/>.
/// </summary>
/// <remarks>
/// The root element is <c>ExchangeSpfAgent</c>; below it, each element carries the name of a settings property and
/// an absent element keeps the property's default. Unknown or repeated elements, attributes and invalid values are
/// errors, so that a misspelt setting is reported instead of silently ignored. DTDs are rejected and no external
/// resource is resolved.
/// </remarks>
public static class AgentConfigurationLoader
{
    /// <summary>The file name of the configuration file.</summary>
    public const string FileName = "ExchangeSpfAgent.config.xml";

    /// <summary>The name of the root element.</summary>
    public const string RootElementName = "ExchangeSpfAgent";

    /// <summary>The configuration file beside the agent DLL, wherever the host process runs from.</summary>
    public static string DefaultPath => Path.Combine(AgentLocation.Directory, FileName);

    /// <summary>
    /// Reads the file at <paramref name="path"/>; a missing file gives <see cref="AgentSettings.Default"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is not well-formed or a setting is invalid.</exception>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    public static AgentSettings Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!File.Exists(path))
        {
            return AgentSettings.Default;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Parse(stream, path);
    }

    /// <summary>Reads configuration XML from <paramref name="text"/>.</summary>
    /// <exception cref="ConfigurationException">The text is not well-formed or a setting is invalid.</exception>
    public static AgentSettings Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        using var reader = new StringReader(text);
        return Parse(XmlReader.Create(reader, ReaderSettings()), null);
    }

    /// <summary>Reads configuration XML from <paramref name="stream"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="filePath">The file name that error messages show, or null.</param>
    /// <exception cref="ConfigurationException">The content is not well-formed or a setting is invalid.</exception>
    public static AgentSettings Parse(Stream stream, string? filePath)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return Parse(XmlReader.Create(stream, ReaderSettings()), filePath);
    }

    private static AgentSettings Parse(XmlReader reader, string? filePath)
    {
        // NOTE: the error for a prohibited DTD carries no line number, so the message has none either.
        using (reader)
        {
            try
            {
                XDocument document = XDocument.Load(reader, LoadOptions.SetLineInfo);
                return Read(document);
            }
            catch (XmlException exception)
            {
                throw new ConfigurationException(
                    "is not well-formed XML: " + exception.Message.TrimEnd('.'),
                    null,
                    exception.LineNumber,
                    null,
                    "an XML document with the root element <" + RootElementName + ">",
                    filePath,
                    exception);
            }
            catch (ConfigurationException exception) when (filePath is not null)
            {
                throw exception.WithFile(filePath);
            }
        }
    }

    private static AgentSettings Read(XDocument document)
    {
        XElement? root = document.Root;
        if (root is null || root.Name.LocalName != RootElementName || root.Name.NamespaceName.Length > 0)
        {
            throw new ConfigurationException(
                "has the root element <" + root?.Name.LocalName + ">",
                null,
                root is null ? 0 : SettingsElement.LineOf(root),
                null,
                "the root element <" + RootElementName + "> without a namespace");
        }

        return AgentSettingsReader.Read(new SettingsElement(root, string.Empty));
    }

    // The shipped file, every setting with its comment, is about 9,000 characters. The cap keeps a
    // hostile or corrupt file from holding the reload for minutes: deeply nested elements cost time
    // that grows faster than their size.
    private const long MaxDocumentCharacters = 64 * 1024;

    private static XmlReaderSettings ReaderSettings() => new()
    {
        MaxCharactersInDocument = MaxDocumentCharacters,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
