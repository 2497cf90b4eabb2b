using System;
using System.Collections.Concurrent;
using ExchangeSpfAgent.Tests.Infrastructure;
using ExchangeSpfAgent.Tests.Spf.Suite;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// One NSD server per SPF test suite scenario, each serving that scenario's zone data as a root zone.
/// </summary>
/// <remarks>
/// Scenarios reuse names such as example.com with different data, so they cannot share a server. Each server
/// starts when its scenario is first needed and runs until the fixture is disposed.
/// </remarks>
public sealed class SpfSuiteNsdServers : IDisposable
{
    private readonly ConcurrentDictionary<SpfSuiteScenario, Lazy<NsdServer>> _servers = new();

    public NsdServer For(SpfSuiteScenario scenario) =>
        _servers.GetOrAdd(
            scenario,
            key => new Lazy<NsdServer>(() =>
                NsdServer.Start(new[] { new NsdZone(".", SpfSuiteZoneFile.ToRootZone(key.Zone)) }))).Value;

    public void Dispose()
    {
        foreach (Lazy<NsdServer> server in _servers.Values)
        {
            if (server.IsValueCreated)
            {
                server.Value.Dispose();
            }
        }
    }
}
