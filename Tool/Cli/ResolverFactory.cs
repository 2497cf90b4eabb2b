using System;
using System.IO;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tool.Zones;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>
/// Builds the resolver of a command: the agent's cache in front of zone files, the <c>--dns-server</c> servers,
/// or the DNS servers of the configuration (the system's when it names none).
/// </summary>
internal static class ResolverFactory
{
    /// <exception cref="ToolException">A zone file is invalid or cannot be read.</exception>
    public static CachingDnsResolver Create(DnsChoice choice, DnsResolverOptions configured)
    {
        IDnsResolver inner;
        if (choice.ZonePaths.Count > 0)
        {
            inner = LoadZones(choice);
        }
        else if (choice.Servers.Count > 0)
        {
            inner = new DnsClientResolver(WithServers(configured, choice));
        }
        else
        {
            inner = new DnsClientResolver(configured);
        }

        return new CachingDnsResolver(inner, configured);
    }

    private static ZoneResolver LoadZones(DnsChoice choice)
    {
        try
        {
            return ZoneResolver.Load(choice.ZonePaths);
        }
        catch (ZoneFileException exception)
        {
            throw new ToolException(exception.Message, ExitCodes.InvalidInput, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException("Cannot read the zone files: " + exception.Message, ExitCodes.InvalidInput, exception);
        }
    }

    private static DnsResolverOptions WithServers(DnsResolverOptions configured, DnsChoice choice) => new()
    {
        Servers = choice.Servers,
        QueryTimeout = configured.QueryTimeout,
        Retries = configured.Retries,
        MinimumTimeToLive = configured.MinimumTimeToLive,
        MaximumTimeToLive = configured.MaximumTimeToLive,
        TemporaryFailureTimeToLive = configured.TemporaryFailureTimeToLive,
        MaxCacheEntries = configured.MaxCacheEntries,
    };
}
