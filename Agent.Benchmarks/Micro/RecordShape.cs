namespace ExchangeSpfAgent.Benchmarks.Micro;

/// <summary>The SPF records that <see cref="RecordParsingBenchmarks"/> parses.</summary>
public enum RecordShape
{
    /// <summary>The sender policy: own ranges, mx, a, three includes and -all.</summary>
    SenderPolicy,

    /// <summary>A provider's netblock record: two ip4 ranges and ~all.</summary>
    Netblocks,

    /// <summary>A policy with macros: exists with %{i} and %{d}, a redirect and an exp modifier.</summary>
    Macros,
}
