using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// One <c>Received</c> header, as <see cref="ReceivedHeaderParser"/> read it.
/// </summary>
public sealed class ReceivedHop
{
    internal ReceivedHop(string value, ReceivedParseStatus status, string? failureReason)
    {
        Value = value;
        Status = status;
        FailureReason = failureReason;
    }

    /// <summary>Marks the line as unreadable and clears any address read from it.</summary>
    internal void MarkUnparseable(string reason)
    {
        Status = ReceivedParseStatus.Unparseable;
        FailureReason = reason;
        IsNetworkHandover = false;
        SendingAddress = null;
    }

    /// <summary>Gets the header value, unfolded.</summary>
    public string Value { get; }

    /// <summary>Gets whether the line could be read.</summary>
    public ReceivedParseStatus Status { get; private set; }

    /// <summary>Gets why the line could not be read, or null when it was.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>
    /// Gets whether the line records a message passing from one host to another over the
    /// network. False for local submission, pickup, mail fetchers (POP3, IMAP), webmail, qmail's
    /// "invoked" lines, and for lines that could not be read.
    /// </summary>
    public bool IsNetworkHandover { get; internal set; }

    /// <summary>
    /// Gets the address of the host that sent the message, normalized, or null when the line
    /// records none.
    /// </summary>
    public IPAddress? SendingAddress { get; internal set; }

    /// <summary>Gets the HELO or EHLO argument of the sending host, as written.</summary>
    public string? Helo { get; internal set; }

    /// <summary>Gets the sending host's reverse DNS name, or null when it was unknown or not recorded.</summary>
    public string? ReverseDnsName { get; internal set; }

    /// <summary>Gets the host named in the <c>by</c> clause, which wrote the line.</summary>
    public string? ReceivingHost { get; internal set; }

    /// <summary>
    /// Gets the words of the <c>with</c> clause up to its first comment, such as <c>ESMTPS</c>
    /// or <c>Microsoft SMTP Server</c>.
    /// </summary>
    public string? Protocol { get; internal set; }
}
