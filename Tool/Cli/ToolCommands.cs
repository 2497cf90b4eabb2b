using System.CommandLine;
using ExchangeSpfAgent.Tool.Checking;
using ExchangeSpfAgent.Tool.Replay;
using ExchangeSpfAgent.Tool.Report;
using ExchangeSpfAgent.Tool.Settings;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>Builds the command tree of <c>spfagent</c>.</summary>
internal static class ToolCommands
{
    public static RootCommand Create() =>
        new("spfagent: check SPF, replay saved messages through the agent's decision pipeline, validate the "
            + "agent's configuration and summarize its decision logs.")
        {
            CheckCommand.Create(),
            ReplayCommand.Create(),
            ConfigCommand.Create(),
            ReportCommand.Create(),
        };
}
