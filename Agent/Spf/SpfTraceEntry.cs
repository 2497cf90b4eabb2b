namespace ExchangeSpfAgent.Spf;

/// <summary>
/// One step of an evaluation, for the admin tool and debug logs.
/// </summary>
public sealed class SpfTraceEntry
{
    internal SpfTraceEntry(int depth, string domain, string term, string message)
    {
        Depth = depth;
        Domain = domain;
        Term = term;
        Message = message;
    }

    /// <summary>The include or redirect nesting level; 0 for the domain checked first.</summary>
    public int Depth { get; }

    /// <summary>The current domain of the record being evaluated.</summary>
    public string Domain { get; }

    /// <summary>The term as written, or a short label such as "record" or "exp" for other steps.</summary>
    public string Term { get; }

    /// <summary>What happened, such as the record text, a DNS answer or "match: fail".</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{new string(' ', Depth * 2)}{Domain} {Term}: {Message}";
}
