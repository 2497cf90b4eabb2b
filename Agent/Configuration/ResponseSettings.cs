namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// The text of the SMTP replies. Templates may use {sender}, {domain}, {ip}, {identity} and {result};
/// the reply codes follow RFC 7372 and are not configurable.
/// </summary>
public sealed class ResponseSettings
{
    /// <summary>Use the sender domain's exp= explanation for fail replies when it has one.</summary>
    public bool UseExplanation { get; init; } = true;

    /// <summary>The text of 550 5.7.23 replies when there is no explanation.</summary>
    public string FailText { get; init; } = "SPF check failed: {ip} is not allowed to send mail for {domain}";

    /// <summary>The text of 550 5.7.24 replies.</summary>
    public string PermErrorText { get; init; } = "SPF record of {domain} is invalid";

    /// <summary>The text of 451 4.7.24 replies.</summary>
    public string TempErrorText { get; init; } = "SPF check of {domain} failed temporarily, try again later";

    /// <summary>The longest reply text in characters; longer text is cut.</summary>
    public int MaxTextLength { get; init; } = 200;
}
