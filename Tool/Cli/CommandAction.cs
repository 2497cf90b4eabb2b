using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>
/// Wraps a command's work so that a <see cref="ToolException"/> becomes its message on standard error and its exit
/// code, and Ctrl+C exits with <see cref="ExitCodes.Cancelled"/>.
/// </summary>
internal static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (ToolException exception)
            {
                await Console.Error.WriteLineAsync("spfagent: " + exception.Message).ConfigureAwait(false);
                return exception.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("spfagent: cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
        });
    }
}
