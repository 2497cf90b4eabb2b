using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>
/// <c>spfagent check</c>: evaluates SPF for one client IP and sender, or for a stream of JSON requests.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var ip = new Option<string>("--ip") { Description = "The client IP to check (IPv4 or IPv6).", HelpName = "IP" };
        var mailFrom = new Option<string>("--mail-from")
        {
            Description = "The MAIL FROM address; \"\" or \"<>\" is the null sender, checked as postmaster@HELO, "
                + "so it needs --helo.",
            HelpName = "ADDRESS",
        };
        var helo = new Option<string>("--helo")
        {
            Description = "The HELO/EHLO name; when given, HELO is checked first.",
            HelpName = "NAME",
        };
        var config = new Option<string>("--config")
        {
            Description = "The agent's configuration file, for its DNS settings, time budget and receiver name.",
            HelpName = "FILE",
        };
        var trace = new Option<bool>("--trace") { Description = "Show every term evaluated, with its outcome." };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Read JSON requests {\"ip\", \"mailfrom\", \"helo\", \"id\"} from standard input, one per line, "
                + "and write one JSON result per line.",
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Start every check with an empty DNS cache." };
        var defaultExplanation = new Option<string>("--default-explanation")
        {
            Description = "The explanation of a fail result when the failing domain has no exp= modifier.",
            HelpName = "TEXT",
        };
        var dns = new DnsOptions();

        var command = new Command("check", "Evaluate SPF (RFC 7208) for a client IP, MAIL FROM and HELO.")
        {
            ip, mailFrom, helo, config, trace, jsonl, noCache, defaultExplanation,
        };
        dns.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(jsonl))
            {
                bool hasRequestOption = result.GetResult(ip) is not null
                    || result.GetResult(mailFrom) is not null
                    || result.GetResult(helo) is not null;
                if (hasRequestOption)
                {
                    result.AddError("--jsonl reads the requests from standard input; leave out --ip, --mail-from and --helo.");
                }
                else if (result.GetValue(trace))
                {
                    result.AddError("--jsonl writes one result line per request, without a trace; leave out --trace.");
                }
            }
            else if (result.GetValue(ip) is null || result.GetValue(mailFrom) is null)
            {
                result.AddError("check needs --ip and --mail-from, or --jsonl.");
            }
            else if (!CheckAddress.TryParse(result.GetValue(ip), out _))
            {
                result.AddError($"--ip '{result.GetValue(ip)}' is not an IPv4 or IPv6 address.");
            }
            else if (NullSender.Is(result.GetValue(mailFrom)) && string.IsNullOrWhiteSpace(result.GetValue(helo)))
            {
                // RFC 7208 §2.4: the null sender is checked as postmaster@<HELO name>, so it has no domain without one.
                result.AddError(
                    "The null sender (--mail-from \"\" or \"<>\") is checked as postmaster@HELO, "
                        + "so it needs --helo NAME.");
            }
        });

        CommandAction.Set(command, async (parseResult, cancellationToken) =>
        {
            AgentSettings settings = SettingsLoader.Load(parseResult.GetValue(config));
            CachingDnsResolver resolver = ResolverFactory.Create(dns.Read(parseResult), settings.Dns);
            var runner = new CheckRunner(resolver, settings, new CheckRunnerOptions
            {
                Trace = parseResult.GetValue(trace),
                NoCache = parseResult.GetValue(noCache),
                DefaultExplanation = parseResult.GetValue(defaultExplanation),
            });

            if (parseResult.GetValue(jsonl))
            {
                int errors = await new JsonLinesChecker(runner).RunAsync(Console.In, Console.Out, cancellationToken)
                    .ConfigureAwait(false);
                return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
            }

            return await CheckOneAsync(runner, parseResult, ip, mailFrom, helo, trace, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> CheckOneAsync(
        CheckRunner runner,
        ParseResult parseResult,
        Option<string> ip,
        Option<string> mailFrom,
        Option<string> helo,
        Option<bool> trace,
        CancellationToken cancellationToken)
    {
        CheckAddress.TryParse(parseResult.GetValue(ip), out IPAddress client);
        string sender = parseResult.GetValue(mailFrom)!.Trim();
        if (NullSender.Is(sender))
        {
            sender = string.Empty;
        }

        var request = new CheckRequest(client, sender, parseResult.GetValue(helo)?.Trim() ?? string.Empty);
        IReadOnlyList<SpfCheckResult> results = await runner.CheckBothAsync(request, cancellationToken).ConfigureAwait(false);
        CheckTextWriter.Write(Console.Out, request, results, parseResult.GetValue(trace));
        return ExitCodes.Success;
    }
}
