namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>The class of an SMTP reply, from its first digit; values as in the real assembly.</summary>
public enum SmtpResponseType
{
    Unknown = 0,
    Success = 1,
    IntermediateSuccess = 2,
    TransientError = 3,
    PermanentError = 4,
}
