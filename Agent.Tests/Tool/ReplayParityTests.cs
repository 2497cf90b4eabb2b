using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Policy;
using ExchangeSpfAgent.Tests.Harness;
using ExchangeSpfAgent.Tests.Transport;
using ExchangeSpfAgent.Tool.Replay;
using ExchangeSpfAgent.Tool.Zones;
using Microsoft.Exchange.Data.Mime;
using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// Replay and the agent decide alike: each sample runs through the real agent in the Exchange harness and through
/// replay's path, with the same session facts and DNS data, and the decisions must match.
/// </summary>
public sealed class ReplayParityTests
{
    private const string ServerName = "EX01";

    private static readonly AgentSettings s_settings = AgentConfigurationLoader.Load(ToolRunner.SampleConfig);
    private static readonly ZoneResolver s_zones = ZoneResolver.Load(new[] { ToolRunner.SampleZones });

    public static IEnumerable<object[]> Samples() =>
        Directory.GetFiles(ToolRunner.SampleMessages).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReplayDecidesAsAgent(string file)
    {
        string path = Path.Combine(ToolRunner.SampleMessages, file);
        ReplayMessage replay = ReplayContextBuilder.Build(
            MessageHeaderReader.Read(path), s_settings, new ReplayOptions { ServerName = ServerName, Recipients = new[] { "user@example.org" } }, 1);
        MessageDecision decision = await new MessageChecker(s_zones).CheckAsync(replay.Context, s_settings);

        var bed = new AgentTestBed { Settings = s_settings, WrapResolver = _ => s_zones };
        var session = new FakeSmtpSession().WithRemote(replay.Context.PeerAddress!.ToString()).WithHelo(replay.Context.SessionHelo);
        EndOfHeadersEvent ev = bed.Run(session, HeaderBlock(path), new FakeMailItem(replay.Context.MailFrom));

        ev.Violations.AssertNone();
        DecisionRecord agent = Assert.Single(bed.Records);
        DecisionRecord replayed = decision.Record;
        Assert.Equal(agent.OriginIp, replayed.OriginIp);
        Assert.Equal(agent.OriginSource, replayed.OriginSource);
        Assert.Equal(agent.Helo, replayed.Helo);
        Assert.Equal(agent.MailFrom, replayed.MailFrom);
        Assert.Equal(agent.MessageId, replayed.MessageId);
        Assert.Equal(agent.Identity, replayed.Identity);
        Assert.Equal(agent.Result, replayed.Result);
        Assert.Equal(agent.Mechanism, replayed.Mechanism);
        Assert.Equal(agent.Action, replayed.Action);
        Assert.Equal(agent.SmtpResponse, replayed.SmtpResponse);
        Assert.Equal(agent.Reason, replayed.Reason);

        MessageActionKind? applied = ev.Source.Actions.Select(a => (MessageActionKind?)a.Kind).SingleOrDefault();
        Assert.Equal(ExpectedActionKind(decision.Action), applied);
        IEnumerable<string> stamped = decision.HeadersToAdd.Select(h => h.Key + ": " + h.Value);
        IEnumerable<string> agentStamped = ((IEnumerable<Header>)ev.Headers).Take(decision.HeadersToAdd.Count).Select(h => h.Name + ": " + h.Value);
        Assert.Equal(stamped, agentStamped);
    }

    private static MessageActionKind? ExpectedActionKind(SpfAction action) => action switch
    {
        SpfAction.Reject or SpfAction.Defer => MessageActionKind.Reject,
        SpfAction.Discard => MessageActionKind.Discard,
        SpfAction.Quarantine => MessageActionKind.Quarantine,
        _ => null,
    };

    // The header as Exchange parsed it at end of headers: the lines before the first blank line. Only those lines
    // are read, so the large sample's body is never loaded.
    private static string HeaderBlock(string path)
    {
        var header = new StringBuilder();
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null && line.Length > 0)
        {
            header.Append(line).Append("\r\n");
        }

        return header.ToString();
    }
}
