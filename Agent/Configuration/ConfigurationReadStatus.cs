namespace ExchangeSpfAgent.Configuration;

/// <summary>What one check of the configuration file found.</summary>
internal enum ConfigurationReadStatus
{
    /// <summary>The content is the same as at the previous check.</summary>
    Unchanged,

    /// <summary>The file does not exist, and existed at the previous check.</summary>
    Missing,

    /// <summary>The file exists but could not be read, for example because an editor holds it locked.</summary>
    Unreadable,

    /// <summary>The file changed and is invalid.</summary>
    Invalid,

    /// <summary>The file changed and is valid.</summary>
    Loaded,
}
