using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// One resource record of the benchmark zone. <paramref name="Data"/> is the TXT text, the MX exchange or the
/// address; <paramref name="Preference"/> is used by MX records only.
/// </summary>
public sealed record ZoneRecord(string Name, DnsQueryType Type, string Data, int Preference = 0);
