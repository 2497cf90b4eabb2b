using System;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Converts between <see cref="SpfResult"/> values and the lower-case result names of RFC 7208 §2.6,
/// as used in Received-SPF (RFC 7208 §9.1) and Authentication-Results (RFC 8601) headers.
/// </summary>
public static class SpfResultNames
{
    /// <summary>Returns the RFC name of a result, such as "softfail" or "permerror".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="result"/> is not a defined value.</exception>
    public static string ToRfcName(SpfResult result) => result switch
    {
        SpfResult.None => "none",
        SpfResult.Neutral => "neutral",
        SpfResult.Pass => "pass",
        SpfResult.Fail => "fail",
        SpfResult.SoftFail => "softfail",
        SpfResult.TempError => "temperror",
        SpfResult.PermError => "permerror",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "The value is not a defined SPF result."),
    };

    /// <summary>Parses an RFC result name, ignoring case.</summary>
    public static bool TryParse(string? name, out SpfResult result)
    {
        foreach (SpfResult candidate in s_all)
        {
            if (string.Equals(ToRfcName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = SpfResult.None;
        return false;
    }

    private static readonly SpfResult[] s_all =
    {
        SpfResult.None,
        SpfResult.Neutral,
        SpfResult.Pass,
        SpfResult.Fail,
        SpfResult.SoftFail,
        SpfResult.TempError,
        SpfResult.PermError,
    };
}
