using System;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// The values that the resolvers in this namespace put into <see cref="DnsLookupResult.FailureReason"/>.
/// </summary>
/// <remarks>
/// A response code other than the ones listed here is reported by its RFC 6895 mnemonic, such as <c>FORMERR</c>.
/// </remarks>
public static class DnsFailureReasons
{
    /// <summary>No response arrived within the query timeout after every retry and server.</summary>
    public const string Timeout = "timeout";

    /// <summary>The server responded with RCODE 2 (SERVFAIL).</summary>
    public const string ServerFailure = "SERVFAIL";

    /// <summary>The server responded with RCODE 5 (REFUSED).</summary>
    public const string Refused = "REFUSED";

    /// <summary>The response was truncated and the retry over TCP did not replace it.</summary>
    public const string Truncated = "truncated response";

    /// <summary>The query could not be sent or the response could not be read.</summary>
    public const string NetworkError = "network error";

    /// <summary>Returns true when <paramref name="result"/> is a temporary failure caused by a timeout.</summary>
    public static bool IsTimeout(DnsLookupResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        return result.Status == DnsResponseStatus.TemporaryFailure
            && string.Equals(result.FailureReason, Timeout, StringComparison.Ordinal);
    }
}
