namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>What one run of <c>spfagent</c> produced.</summary>
public sealed class ToolResult
{
    public ToolResult(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>Standard output, with LF line ends.</summary>
    public string Output { get; }

    /// <summary>Standard error, with LF line ends.</summary>
    public string Error { get; }

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
