namespace ExchangeSpfAgent.Configuration;

/// <summary>The SPF result headers added to messages that are accepted.</summary>
public sealed class HeaderSettings
{
    /// <summary>Add a Received-SPF header (RFC 7208 §9.1).</summary>
    public bool AddReceivedSpf { get; init; } = true;

    /// <summary>Add an Authentication-Results header (RFC 8601).</summary>
    public bool AddAuthenticationResults { get; init; } = true;

    /// <summary>The authserv-id of Authentication-Results; null uses the Exchange server's name.</summary>
    public string? AuthServId { get; init; }

    /// <summary>Remove incoming Authentication-Results headers that claim this authserv-id (RFC 8601 §5).</summary>
    public bool RemoveForgedAuthenticationResults { get; init; } = true;
}
