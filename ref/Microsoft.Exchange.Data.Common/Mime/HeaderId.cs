namespace Microsoft.Exchange.Data.Mime;

/// <summary>Well-known header identifiers; values as in the real assembly.</summary>
public enum HeaderId
{
    Unknown = 0,
    Received = 1,
    Date = 2,
    From = 3,
    Subject = 4,
    Sender = 5,
    To = 6,
    Cc = 7,
    Bcc = 8,
    MessageId = 9,
}
