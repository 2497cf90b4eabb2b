using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// Writes one JSON object per message and line: the origin and its source, the identities, results, action and
/// reply, and every Received field as the agent's parser reads it. The totals go to standard error.
/// </summary>
internal sealed class ReplayJsonWriter : IReplayWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;
    private readonly TextWriter _totals;
    private readonly IPAddressRangeList _trustedRelays;

    public ReplayJsonWriter(TextWriter output, TextWriter totals, IPAddressRangeList trustedRelays)
    {
        _output = output;
        _totals = totals;
        _trustedRelays = trustedRelays;
    }

    public void Write(ReplayOutcome outcome)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("file", outcome.FilePath);
            if (outcome.Decision is null)
            {
                writer.WriteString("error", outcome.Error);
            }
            else
            {
                WriteDecision(writer, outcome.Message!, outcome.Decision);
            }

            writer.WriteEndObject();
        }

        _output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        _output.Flush();
    }

    public void WriteTotals(ReplayTotals totals) => _totals.WriteLine("spfagent: " + totals);

    private void WriteDecision(Utf8JsonWriter writer, ReplayMessage message, MessageDecision decision)
    {
        MessageContext context = message.Context;
        writer.WriteString("messageId", context.MessageId);
        writer.WriteString("peer", context.PeerAddress?.ToString());
        writer.WriteString("peerSource", message.PeerSource);
        writer.WriteString("mailFrom", context.MailFrom);
        writer.WriteString("mailFromSource", message.MailFromSource);

        OriginDecision? origin = decision.Origin;
        writer.WriteStartObject("origin");
        writer.WriteString("ip", origin?.Address?.ToString());
        writer.WriteString("source", origin?.Source.ToString());
        writer.WriteString("status", origin?.Status.ToString());
        writer.WriteString("helo", origin?.Helo);
        writer.WriteString("reason", origin?.Reason);
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        foreach (SpfCheckResult result in decision.Results.Count > 0 ? decision.Results : Deciding(decision))
        {
            writer.WriteStartObject();
            writer.WriteString("identity", ReplayText.Identity(result.Identity));
            writer.WriteString("sender", result.Sender);
            writer.WriteString("result", SpfResultNames.ToRfcName(result.Result));
            writer.WriteString("mechanism", result.Mechanism);
            writer.WriteString("explanation", result.Explanation);
            writer.WriteString("problem", result.Problem);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("result", decision.Record.Result);
        writer.WriteString("action", decision.Action.ToString());
        writer.WriteString("configuredAction", decision.ConfiguredAction.ToString());
        writer.WriteString("response", ReplayText.Response(decision));
        writer.WriteString("reason", decision.Record.Reason);

        writer.WriteStartArray("headersAdded");
        foreach (KeyValuePair<string, string> header in decision.HeadersToAdd)
        {
            writer.WriteStringValue(header.Key + ": " + header.Value);
        }

        writer.WriteEndArray();
        WriteReceived(writer, context.ReceivedValues, origin);
    }

    // Writes every Received field as the agent's walker parses it. For the fields the walk examined, "trusted" is the
    // walker's verdict. The fields below them get the same rule: a trusted relay or loopback sent it.
    private void WriteReceived(Utf8JsonWriter writer, IReadOnlyList<string?> values, OriginDecision? origin)
    {
        Dictionary<int, ReceivedChainHop> walked = (origin?.Hops ?? new ReceivedChainHop[0]).ToDictionary(h => h.Position);
        writer.WriteStartArray("received");
        for (int index = 0; index < values.Count; index++)
        {
            int position = index + 1;
            bool examined = walked.TryGetValue(position, out ReceivedChainHop? chainHop);
            ReceivedHop hop = chainHop?.Hop ?? ReceivedHeaderParser.Parse(values[index]);
            bool trusted = chainHop?.IsTrusted
                ?? (hop.IsNetworkHandover && hop.SendingAddress is not null
                    && (_trustedRelays.Contains(hop.SendingAddress) || System.Net.IPAddress.IsLoopback(hop.SendingAddress)));

            writer.WriteStartObject();
            writer.WriteNumber("position", position);
            writer.WriteString("status", hop.Status.ToString());
            writer.WriteString("failureReason", hop.FailureReason);
            writer.WriteString("sendingIp", hop.SendingAddress?.ToString());
            writer.WriteString("helo", hop.Helo);
            writer.WriteString("reverseDns", hop.ReverseDnsName);
            writer.WriteString("receivingHost", hop.ReceivingHost);
            writer.WriteString("protocol", hop.Protocol);
            writer.WriteBoolean("networkHandover", hop.IsNetworkHandover);
            writer.WriteBoolean("trusted", trusted);
            writer.WriteBoolean("examined", examined);
            writer.WriteString("value", hop.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static IEnumerable<SpfCheckResult> Deciding(MessageDecision decision) =>
        decision.Result is null ? Enumerable.Empty<SpfCheckResult>() : new[] { decision.Result };
}
