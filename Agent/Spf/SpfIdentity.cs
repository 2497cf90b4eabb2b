namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The identity that an SPF check authorizes (RFC 7208 §2.3, §2.4).
/// </summary>
public enum SpfIdentity
{
    /// <summary>The HELO or EHLO domain, checked as <c>postmaster@&lt;HELO&gt;</c>.</summary>
    Helo,

    /// <summary>The MAIL FROM reverse-path, or <c>postmaster@&lt;HELO&gt;</c> for the null sender.</summary>
    MailFrom,
}
