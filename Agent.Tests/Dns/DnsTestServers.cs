using System;
using System.Net;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Tests.Infrastructure;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// The servers shared by the resolver integration tests: NSD with <see cref="DnsTestZones"/> and a black hole.
/// </summary>
/// <remarks>
/// NSD starts on first use, so a test class whose tests are all skipped never needs it.
/// </remarks>
public sealed class DnsTestServers : IDisposable
{
    private readonly Lazy<NsdServer> _nsd = new(() => NsdServer.Start(DnsTestZones.All));
    private readonly Lazy<BlackHoleDnsServer> _blackHole = new(() => new BlackHoleDnsServer());

    public NsdServer Nsd => _nsd.Value;

    public BlackHoleDnsServer BlackHole => _blackHole.Value;

    /// <summary>Returns options that send queries to the shared NSD only.</summary>
    public DnsResolverOptions NsdOptions() => OptionsFor(Nsd.EndPoint);

    /// <summary>Returns options for <paramref name="server"/> with a 5-second timeout and no retry.</summary>
    /// <remarks>
    /// Without retries every query reaches the server exactly once, which the relay tests count. The timeout
    /// is long because a loopback response can arrive a second or more late on a loaded CI machine under Mono.
    /// </remarks>
    public static DnsResolverOptions OptionsFor(IPEndPoint server) => new()
    {
        Servers = new[] { server },
        QueryTimeout = TimeSpan.FromSeconds(5),
        Retries = 0,
    };

    public void Dispose()
    {
        if (_nsd.IsValueCreated)
        {
            _nsd.Value.Dispose();
        }

        if (_blackHole.IsValueCreated)
        {
            _blackHole.Value.Dispose();
        }
    }
}
