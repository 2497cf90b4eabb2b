using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Dns;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Origin;
using ExchangeSpfAgent.Tool.Checking;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// <c>spfagent replay</c>: runs saved messages through the decision pipeline the agent runs at end of headers.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE|FOLDER")
        {
            Description = "Saved messages (.eml or header-only files), or folders of them (read with subfolders).",
            Arity = ArgumentArity.OneOrMore,
        };
        var peer = new Option<string>("--peer")
        {
            Description = "The SMTP peer of every message. Default: the sending IP of each message's newest Received field.",
            HelpName = "IP",
        };
        var helo = new Option<string>("--helo")
        {
            Description = "The session's HELO name. Default: the HELO of the newest Received field (unless --peer is given).",
            HelpName = "NAME",
        };
        var mailFrom = new Option<string>("--mail-from")
        {
            Description = "The MAIL FROM of every message; \"<>\" is the null sender. Default: Return-Path, else From.",
            HelpName = "ADDRESS",
        };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "An envelope recipient, for the recipient bypass list; repeat for more. Default: none.",
            HelpName = "ADDRESS",
        };
        var serverName = new Option<string>("--server-name")
        {
            Description = "The receiving server's name. Default: the \"by\" host of the newest Received field.",
            HelpName = "NAME",
        };
        var connector = new Option<string>("--connector")
        {
            Description = "The receive connector's local IP:PORT, for the configuration's connector bindings.",
            HelpName = "IP:PORT",
        };
        var skipReceived = new Option<int>("--skip-received")
        {
            Description = "Ignore this many of the newest Received fields: those that servers after the agent added.",
            HelpName = "N",
        };
        var config = new Option<string>("--config") { Description = "The agent's configuration file.", HelpName = "FILE" };
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON object per message (with every parsed Received field) instead of the table.",
        };
        var decisionLog = new Option<string>("--decision-log")
        {
            Description = "Write the agent's decision log (CSV, Decision_yyyyMMdd.log) into this folder.",
            HelpName = "FOLDER",
        };
        var dns = new DnsOptions();

        var command = new Command("replay", "Run saved messages through the agent's decision pipeline and show each decision.")
        {
            files, peer, helo, mailFrom, recipients, serverName, connector, skipReceived, config, json, decisionLog,
        };
        dns.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(peer) is { } peerText && !CheckAddress.TryParse(peerText, out _))
            {
                result.AddError($"--peer '{peerText}' is not an IPv4 or IPv6 address.");
            }

            if (result.GetValue(connector) is { } connectorText && !TryParseConnector(connectorText, out _))
            {
                result.AddError($"--connector '{connectorText}' is not IP:PORT, such as 0.0.0.0:25 or [::]:25.");
            }

            if (result.GetValue(skipReceived) < 0)
            {
                result.AddError("--skip-received must be 0 or more.");
            }
        });

        CommandAction.Set(command, async (parseResult, cancellationToken) =>
        {
            AgentSettings settings = SettingsLoader.Load(parseResult.GetValue(config));
            List<(string, string)> messageFiles = MessageFiles.Expand(parseResult.GetValue(files)!);
            CachingDnsResolver resolver = ResolverFactory.Create(dns.Read(parseResult), settings.Dns);
            var options = new ReplayOptions
            {
                Peer = parseResult.GetValue(peer) is { } peerText && CheckAddress.TryParse(peerText, out IPAddress address)
                    ? address
                    : null,
                SessionHelo = parseResult.GetValue(helo),
                MailFrom = parseResult.GetValue(mailFrom),
                Recipients = parseResult.GetValue(recipients) ?? new string[0],
                ServerName = parseResult.GetValue(serverName),
                Connector = parseResult.GetValue(connector) is { } text && TryParseConnector(text, out IPEndPoint endPoint)
                    ? endPoint
                    : null,
                SkipReceived = parseResult.GetValue(skipReceived),
            };

            IReplayWriter writer = parseResult.GetValue(json)
                ? new ReplayJsonWriter(Console.Out, Console.Error, settings.Origin.TrustedRelays)
                : new ReplayTableWriter(Console.Out);
            using AgentLogging? logging = OpenDecisionLog(parseResult.GetValue(decisionLog), settings);
            var runner = new ReplayRunner(resolver, settings, options, writer, logging?.Decisions);
            ReplayTotals totals = await runner.RunAsync(messageFiles, Console.Error, cancellationToken).ConfigureAwait(false);
            logging?.Flush();
            return totals.Errors == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    // The agent's own log writer, so the file has the agent's name, header and CSV format; only decisions are written.
    private static AgentLogging? OpenDecisionLog(string? folder, AgentSettings settings)
    {
        if (folder is null)
        {
            return null;
        }

        string fullPath = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(
                $"Cannot create the decision log folder {fullPath}: {exception.Message}", ExitCodes.InvalidInput, exception);
        }

        var logSettings = new LoggingSettings
        {
            Folder = fullPath,
            Level = "Off",
            DecisionLog = true,
            RetentionDays = settings.Logging.RetentionDays,
            MaxFileSizeMegabytes = settings.Logging.MaxFileSizeMegabytes,
            EventLog = false,
            SummaryIntervalMinutes = 0,
        };
        var eventLog = EventLogWriter.Create();
        eventLog.Enabled = false;
        return new AgentLogging(logSettings, fullPath, eventLog);
    }

    private static bool TryParseConnector(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.None, 0);
        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        string portText = text.Substring(colon + 1);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port < 1
            || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        string host = text.Substring(0, colon).Trim('[', ']');
        if (!IPAddressSyntax.TryParseAddress(host, out IPAddress? address) || address is null)
        {
            return false;
        }

        endPoint = new IPEndPoint(address, port);
        return true;
    }
}
