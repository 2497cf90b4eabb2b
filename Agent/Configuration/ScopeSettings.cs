using System;
using System.Collections.Generic;

namespace ExchangeSpfAgent.Configuration;

/// <summary>Which SMTP sessions the agent checks; each skip reason is logged.</summary>
public sealed class ScopeSettings
{
    /// <summary>Skip sessions authenticated as the organization (internal senders).</summary>
    public bool SkipOrganizationAuthenticated { get; init; } = true;

    /// <summary>Skip sessions with the ms-Exch-Bypass-Anti-Spam permission.</summary>
    public bool SkipAntispamBypass { get; init; } = true;

    /// <summary>
    /// The receive-connector bindings (local IP and port) to check; empty checks every connector.
    /// An unspecified address (0.0.0.0 or ::) matches every local address on that port.
    /// </summary>
    public IReadOnlyList<ConnectorBinding> ConnectorBindings { get; init; } = Array.Empty<ConnectorBinding>();
}
