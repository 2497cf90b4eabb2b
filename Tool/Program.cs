using System;
using System.CommandLine;
using System.Threading.Tasks;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool;

/// <summary>The entry point of <c>spfagent</c>, the administrator's tool for the SPF agent.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        RootCommand root = ToolCommands.Create();
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
            {
                Console.Error.WriteLine("spfagent: " + error.Message);
            }

            Console.Error.WriteLine("Run 'spfagent --help' or 'spfagent COMMAND --help' for the usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync().ConfigureAwait(false);
    }
}
