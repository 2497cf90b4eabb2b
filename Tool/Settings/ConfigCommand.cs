using System;
using System.CommandLine;
using System.Threading.Tasks;
using System.Xml.Linq;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Settings;

/// <summary><c>spfagent config validate</c> and <c>spfagent config show</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create() =>
        new("config", "Validate the agent's configuration file, or show the settings in force.")
        {
            Validate(),
            Show(),
        };

    private static Command Validate()
    {
        var file = new Argument<string>("FILE") { Description = "The configuration file (ExchangeSpfAgent.config.xml)." };
        var command = new Command(
            "validate", "Check a configuration file as the agent reads it; errors name the element and line.")
        {
            file,
        };
        CommandAction.Set(command, (parseResult, _) =>
        {
            string path = parseResult.GetValue(file)!;
            SettingsLoader.Load(path);
            Console.Out.WriteLine($"{path} is valid.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Show()
    {
        var config = new Option<string>("--config")
        {
            Description = "The configuration file; without it, the defaults are shown.",
            HelpName = "FILE",
        };
        var command = new Command("show", "Print the effective settings, defaults included, as a configuration file.")
        {
            config,
        };
        CommandAction.Set(command, (parseResult, _) =>
        {
            string? path = parseResult.GetValue(config);
            AgentSettings settings = SettingsLoader.Load(path);
            XDocument document = SettingsPrinter.ToXml(settings, path ?? "the defaults");
            Console.Out.WriteLine(document.ToString());
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
