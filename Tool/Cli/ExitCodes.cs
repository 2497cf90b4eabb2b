namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>The exit codes of <c>spfagent</c>, listed in <c>docs/tool.md</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work; for <c>config validate</c>, the file is valid.</summary>
    public const int Success = 0;

    /// <summary>
    /// An input is invalid or unreadable: a configuration, zone, message or log file, or a request line of
    /// <c>check --jsonl</c>. The other inputs are still processed where that makes sense.
    /// </summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is invalid: an unknown command or option, or a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>The run was cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
