using System.Net;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// Runs checks against in-memory zone data with tracing on.
/// </summary>
internal static class SpfTestHarness
{
    public const string Helo = "mail.example.com";

    public static SpfEvaluatorOptions Options(string? defaultExplanation = null) =>
        new() { EnableTrace = true, DefaultExplanation = defaultExplanation, ReceiverName = "receiver.example.net" };

    public static Task<SpfCheckResult> CheckMailFromAsync(
        SpfZoneData zone,
        string client,
        string mailFrom,
        string helo = Helo,
        SpfEvaluatorOptions? options = null) =>
        new SpfEvaluator(new InMemoryDnsResolver(zone), options ?? Options())
            .CheckMailFromAsync(IPAddress.Parse(client), mailFrom, helo);

    /// <summary>
    /// Checks "user@example.com" against a zone where example.com publishes <paramref name="record"/>.
    /// </summary>
    public static Task<SpfCheckResult> CheckRecordAsync(SpfZoneData zone, string record, string client = "192.0.2.1")
    {
        zone.AddTxt("example.com", record);
        return CheckMailFromAsync(zone, client, "user@example.com");
    }
}
