using System;
using System.Runtime.CompilerServices;
using ExchangeSpfAgent.Hosting;
using ExchangeSpfAgent.Logging;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The agent factory that Exchange creates once per transport process and registers with
/// <c>Install-TransportAgent -TransportAgentFactory ExchangeSpfAgent.Transport.SpfAgentFactory</c>.
/// </summary>
/// <remarks>
/// An exception in the constructor stops the transport service, so every failure there is caught and
/// leaves the agent in pass-through mode: it accepts every message unchecked.
/// </remarks>
public sealed class SpfAgentFactory : SmtpReceiveAgentFactory
{
    private readonly AgentServices? _services;
    private readonly AgentEnvironment? _environment;

    /// <summary>
    /// Reads the configuration beside the agent DLL, opens the logs and builds the services every
    /// agent instance shares.
    /// </summary>
    public SpfAgentFactory()
    {
#pragma warning disable CA1031 // The factory constructor is an agent boundary: nothing may escape to Exchange.
        try
        {
            // Registered before any method that uses NLog or DnsClient is compiled, so that they load from the agent's folder.
            AgentDependencyResolver.Register();
            (_services, _environment) = CreateServices();
        }
        catch (Exception exception)
        {
            ReportStartFailure(exception);
        }
#pragma warning restore CA1031
    }

    internal SpfAgentFactory(AgentServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>Creates the agent for one SMTP session; Exchange needs a new instance per session.</summary>
    public override SmtpReceiveAgent CreateAgent(SmtpServer server) =>
        _services is null ? new PassThroughAgent() : new SpfAgent(_services, server?.Name ?? "localhost");

    /// <summary>Stops watching the configuration, writes the last summary and closes the logs at transport shutdown.</summary>
    public override void Close() => _environment?.Dispose();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (AgentServices Services, AgentEnvironment Environment) CreateServices()
    {
        AgentServices? services = null;
        AgentEnvironment environment = AgentEnvironment.Start(() => services?.DnsSummary() ?? string.Empty);
        services = new AgentServices(
            () => environment.Configuration.Settings,
            AgentServices.CreateResolver,
            environment.Logging.Decisions,
            environment.Logging.Diagnostics,
            environment.Logging.LogUnexpected);
        return (services, environment);
    }

    // The logs may be what failed, so the failure goes to the Windows event log, which needs no dependency.
    private static void ReportStartFailure(Exception exception)
    {
#pragma warning disable CA1031 // Nothing may escape the factory constructor.
        try
        {
            EventLogWriter.Create().WriteException(
                AgentEventIds.UnexpectedException,
                "The SPF agent could not start and accepts every message unchecked.",
                exception);
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
