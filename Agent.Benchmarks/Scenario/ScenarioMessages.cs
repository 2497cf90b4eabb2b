using System.Globalization;
using System.Net;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Benchmarks.Scenario;

/// <summary>
/// Builds what the pipeline receives at end of headers for a typical message behind a filtering appliance, and
/// the settings of that deployment.
/// </summary>
/// <remarks>
/// The appliance at <see cref="BenchmarkZone.Appliance"/> relays every message to Exchange, writes the sending
/// client into <c>X-Origin-IP</c> with its HELO name, and adds its own <c>Received</c> line. Exchange adds the
/// top line. The sender's own submission line is at the bottom.
/// </remarks>
public static class ScenarioMessages
{
    /// <summary>The name of the receiving Exchange server: the receiver and authserv-id of the headers.</summary>
    public const string ServerName = "ex01.corp.example";

    private const string Date = "; Thu, 4 Dec 2025 16:40:12 +0000";

    /// <summary>Returns the deployment's settings: the defaults, with the appliance as the one trusted relay.</summary>
    public static AgentSettings CreateSettings() => new()
    {
        Origin = new OriginSelectorOptions
        {
            TrustedRelays = IPAddressRangeList.Parse(new[] { BenchmarkZone.Appliance + "/32" }),
        },
    };

    /// <summary>
    /// Returns the message from sender <paramref name="sender"/> that the appliance received from a client of
    /// <paramref name="kind"/>.
    /// </summary>
    public static MessageContext Create(int sender, ClientKind kind, long sessionId)
    {
        string client = BenchmarkZone.ClientAddress(kind).ToString();
        string helo = BenchmarkZone.HeloName(sender);
        string domain = BenchmarkZone.SenderDomain(sender);
        string id = sessionId.ToString("x8", CultureInfo.InvariantCulture);
        return new MessageContext
        {
            SessionId = sessionId,
            MessageId = $"<{id}.invoice@{domain}>",
            LocalEndPoint = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 25),
            PeerAddress = BenchmarkZone.Appliance,
            SessionHelo = "gw1.corp.example",
            MailFrom = BenchmarkZone.MailFrom(sender),
            Recipients = new[] { "alice@corp.example" },
            OriginHeaderValues = new[] { $"{client}; helo={helo}" },
            ReceivedValues = new[]
            {
                "from gw1.corp.example (192.0.2.250) by ex01.corp.example (192.0.2.10) with Microsoft SMTP Server "
                    + "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1544.4" + Date,
                $"from {helo} ({helo} [{client}])\r\n\tby gw1.corp.example (Postfix) with ESMTPS id 4dLq8x2Z9f"
                    + $"\r\n\tfor <alice@corp.example>{Date}",
                $"from app01.{domain} (app01.{domain} [192.0.2.44]) by {helo} with ESMTP id {id}{Date}",
            },
            ServerName = ServerName,
        };
    }
}
