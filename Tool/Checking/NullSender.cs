namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>Recognizes the null sender (RFC 5321 §4.5.5) in the MAIL FROM of a check request.</summary>
internal static class NullSender
{
    /// <summary>The null sender as written in SMTP.</summary>
    public const string Path = "<>";

    /// <summary>Returns whether <paramref name="mailFrom"/> is empty or <c>&lt;&gt;</c>, ignoring blanks around it.</summary>
    public static bool Is(string? mailFrom)
    {
        string address = mailFrom?.Trim() ?? string.Empty;
        return address.Length == 0 || address == Path;
    }
}
