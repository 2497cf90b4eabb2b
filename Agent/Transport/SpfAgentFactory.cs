using System;
using ExchangeSpfAgent.Configuration;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;
using NLog;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The agent factory that Exchange creates once per transport process and registers with
/// <c>Install-TransportAgent -TransportAgentFactory ExchangeSpfAgent.Transport.SpfAgentFactory</c>.
/// </summary>
/// <remarks>
/// The constructor must never throw: an exception there stops the transport service.
/// </remarks>
public sealed class SpfAgentFactory : SmtpReceiveAgentFactory
{
    private readonly AgentServices _services;

    /// <summary>Creates the factory and the services that every agent instance shares.</summary>
    public SpfAgentFactory()
    {
        // NOTE: a log factory of the agent's own, so the host process's NLog configuration is never read.
        Logger logger = new LogFactory().GetLogger("ExchangeSpfAgent");
        _services = new AgentServices(() => AgentSettings.Default, AgentServices.CreateResolver, new NullDecisionLog(), logger);
    }

    internal SpfAgentFactory(AgentServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>Creates the agent for one SMTP session; Exchange needs a new instance per session.</summary>
    public override SmtpReceiveAgent CreateAgent(SmtpServer server) => new SpfAgent(_services, server?.Name ?? "localhost");
}
