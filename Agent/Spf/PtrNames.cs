using System.Collections.Generic;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The outcome of the PTR lookup for the client: its status and at most the first ten names.
/// </summary>
internal sealed class PtrNames
{
    public PtrNames(DnsResponseStatus status, IReadOnlyList<string> names)
    {
        Status = status;
        Names = names;
    }

    public DnsResponseStatus Status { get; }

    public IReadOnlyList<string> Names { get; }
}
