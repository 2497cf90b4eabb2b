using System;
using System.IO;
using System.Linq;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// Reads the configuration file and remembers the last content read, so that an unchanged file is parsed once.
/// Not thread-safe; <see cref="AgentConfigurationStore"/> serializes the calls.
/// </summary>
internal sealed class ConfigurationFileReader
{
    private readonly string _path;
    private byte[]? _lastContent;
    private bool _lastMissing;

    public ConfigurationFileReader(string path)
    {
        _path = path;
    }

    /// <summary>Whether the file existed at the initial read.</summary>
    public bool FileFound { get; private set; }

    /// <summary>
    /// Reads the file at start-up: a missing file gives the defaults, an invalid or unreadable one pass-through mode.
    /// </summary>
    public ConfigurationState ReadInitial()
    {
        ConfigurationReadResult result = ReadChanged();
        FileFound = result.Status != ConfigurationReadStatus.Missing;
        return result.Status switch
        {
            ConfigurationReadStatus.Missing => new ConfigurationState(AgentSettings.Default, DateTimeOffset.UtcNow, null),
            ConfigurationReadStatus.Loaded => new ConfigurationState(result.Settings, DateTimeOffset.UtcNow, null),
            ConfigurationReadStatus.Invalid => new ConfigurationState(null, null, (ConfigurationException)result.Error!),
            _ => new ConfigurationState(null, null, UnreadableError(result.Error!)),
        };
    }

    /// <summary>Reads the file if its content differs from the last read.</summary>
    public ConfigurationReadResult ReadChanged()
    {
        byte[] content;
        try
        {
            if (!File.Exists(_path))
            {
                bool wasMissing = _lastMissing;
                _lastMissing = true;
                _lastContent = null;
                return wasMissing ? ConfigurationReadResult.Unchanged : ConfigurationReadResult.Missing;
            }

            content = ReadAllBytes(_path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The content is not remembered, so the next check tries again.
            return ConfigurationReadResult.Unreadable(exception);
        }

        _lastMissing = false;
        if (_lastContent is not null && _lastContent.SequenceEqual(content))
        {
            return ConfigurationReadResult.Unchanged;
        }

        _lastContent = content;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return ConfigurationReadResult.Loaded(AgentConfigurationLoader.Parse(stream, _path));
        }
        catch (ConfigurationException exception)
        {
            return ConfigurationReadResult.Invalid(exception);
        }
    }

    /// <summary>Wraps an I/O error in a configuration error that names the file.</summary>
    public ConfigurationException UnreadableError(Exception exception) =>
        new("cannot be read: " + exception.Message, null, 0, null, null, _path, exception);

    private static byte[] ReadAllBytes(string path)
    {
        // Editors may hold the file open for writing; share access so that reading does not fail or block them.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
