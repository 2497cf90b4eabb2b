using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using System.Net;
using ExchangeSpfAgent.Configuration;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>The DNS options that every command that evaluates SPF takes: <c>--dns-server</c> and <c>--zone</c>.</summary>
internal sealed class DnsOptions
{
    public DnsOptions()
    {
        Servers = new Option<string[]>("--dns-server")
        {
            Description = "A DNS server to query, as IP or IP:PORT ([IPv6]:PORT); repeat for more. "
                + "Only these servers are asked, and the system's resolver settings are not read.",
            HelpName = "HOST[:PORT]",
        };
        Servers.Validators.Add(ValidateServers);

        Zones = new Option<string[]>("--zone")
        {
            Description = "Answer DNS queries offline from an RFC 1035 zone file, or from every *.zone file of a "
                + "folder; repeat for more. Names outside the zones get REFUSED (temperror).",
            HelpName = "FILE",
        };
    }

    public Option<string[]> Servers { get; }

    public Option<string[]> Zones { get; }

    public void AddTo(Command command)
    {
        command.Add(Servers);
        command.Add(Zones);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Servers) is { Length: > 0 } && result.GetValue(Zones) is { Length: > 0 })
            {
                result.AddError("--dns-server and --zone cannot be combined: choose a DNS server or zone files.");
            }
        });
    }

    /// <summary>Returns the DNS choice of the command line.</summary>
    public DnsChoice Read(ParseResult parseResult)
    {
        IReadOnlyList<IPEndPoint> servers = (parseResult.GetValue(Servers) ?? new string[0])
            .Select(text => SettingsSyntax.TryParseServer(text, out IPEndPoint endPoint) ? endPoint : null)
            .Where(endPoint => endPoint is not null)
            .Select(endPoint => endPoint!)
            .ToList();
        return new DnsChoice(servers, parseResult.GetValue(Zones) ?? new string[0]);
    }

    private static void ValidateServers(OptionResult result)
    {
        foreach (Token token in result.Tokens)
        {
            if (!SettingsSyntax.TryParseServer(token.Value, out _))
            {
                result.AddError(
                    $"--dns-server '{token.Value}' is not an IP address with an optional port, such as 127.0.0.1:5353.");
            }
        }
    }
}
