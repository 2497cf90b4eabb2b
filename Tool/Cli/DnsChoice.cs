using System.Collections.Generic;
using System.Net;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>Where the command line asks DNS queries to go: servers, zone files, or neither.</summary>
internal sealed class DnsChoice
{
    public DnsChoice(IReadOnlyList<IPEndPoint> servers, IReadOnlyList<string> zonePaths)
    {
        Servers = servers;
        ZonePaths = zonePaths;
    }

    /// <summary>The <c>--dns-server</c> end points; empty when none was given.</summary>
    public IReadOnlyList<IPEndPoint> Servers { get; }

    /// <summary>The <c>--zone</c> files and folders; empty when none was given.</summary>
    public IReadOnlyList<string> ZonePaths { get; }
}
