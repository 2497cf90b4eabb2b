using Xunit;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// Tests that measure the heap and must not run in parallel with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
