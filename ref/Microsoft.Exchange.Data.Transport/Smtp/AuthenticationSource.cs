namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>How the SMTP session authenticated; values as in the real assembly.</summary>
public enum AuthenticationSource
{
    Anonymous = 0,
    Organization = 1,
    Partner = 2,
}
