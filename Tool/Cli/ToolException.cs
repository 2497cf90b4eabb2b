using System;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>
/// An error that ends a command with a message for the user and an exit code, such as an unreadable input file.
/// </summary>
public sealed class ToolException : Exception
{
    public ToolException(string message, int exitCode = ExitCodes.InvalidInput, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code, one of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }
}
