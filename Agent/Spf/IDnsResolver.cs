using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The DNS seam of the SPF engine. Implementations must be safe for concurrent use.
/// </summary>
/// <remarks>
/// Timeouts, SERVFAIL, REFUSED and network errors are returned as
/// <see cref="DnsResponseStatus.TemporaryFailure"/>, never thrown. The only exception an
/// implementation throws is <see cref="System.OperationCanceledException"/>, and only when the
/// caller cancels the token it passed.
/// </remarks>
public interface IDnsResolver
{
    /// <summary>Looks up the records of one type for a fully qualified name without a trailing dot.</summary>
    /// <exception cref="System.OperationCanceledException">The caller cancelled the lookup.</exception>
    Task<DnsLookupResult> ResolveAsync(string name, DnsQueryType type, CancellationToken cancellationToken = default);
}
