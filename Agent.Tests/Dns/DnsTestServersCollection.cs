using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// The test classes that share one <see cref="DnsTestServers"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DnsTestServersCollection : ICollectionFixture<DnsTestServers>
{
    public const string Name = "DNS test servers";
}
