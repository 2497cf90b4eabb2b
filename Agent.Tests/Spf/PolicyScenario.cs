using System.Collections.Generic;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// A generated evaluation input: the records that a generated DNS serves, the client, sender and HELO.
/// </summary>
public sealed class PolicyScenario
{
    public PolicyScenario(IReadOnlyList<string> records, string client, string sender, string helo, int seed)
    {
        Records = records;
        Client = client;
        Sender = sender;
        Helo = helo;
        Seed = seed;
    }

    /// <summary>The TXT records the generated DNS answers with; include and redirect land on them too.</summary>
    public IReadOnlyList<string> Records { get; }

    public string Client { get; }

    public string Sender { get; }

    public string Helo { get; }

    /// <summary>Varies which answer each name and type gets.</summary>
    public int Seed { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"client={Client} sender='{Sender}' helo='{Helo}' seed={Seed} records=[{string.Join(" | ", Records)}]";
}
