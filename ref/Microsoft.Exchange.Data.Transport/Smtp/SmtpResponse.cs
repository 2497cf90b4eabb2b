using System;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>An SMTP reply: status code, enhanced status code (RFC 3463) and text lines.</summary>
public struct SmtpResponse : IEquatable<SmtpResponse>
{
    public static readonly SmtpResponse Empty;

#if TEST_RUNTIME
    private const int StatusCodeLength = 3;

    // Exchange's own checks: a 3-digit code, an enhanced code of class 2, 4 or 5, and US-ASCII text.
    // The runtime here is stricter in one point: the enhanced code's class must match the reply's.
    public SmtpResponse(string statusCode, string enhancedStatusCode, params string[] statusText)
    {
        if (statusCode == null || statusCode.Length != StatusCodeLength
            || statusCode[0] < '2' || statusCode[0] > '5' || !IsDigits(statusCode))
        {
            throw new FormatException($"Invalid SMTP status code '{statusCode}'.");
        }

        if (!string.IsNullOrEmpty(enhancedStatusCode) && !IsEnhancedStatusCode(enhancedStatusCode, statusCode[0]))
        {
            throw new FormatException($"Invalid enhanced status code '{enhancedStatusCode}' for reply {statusCode}.");
        }

        foreach (string line in statusText ?? Array.Empty<string>())
        {
            foreach (char c in line ?? string.Empty)
            {
                if (c > '\x7f')
                {
                    throw new FormatException($"SMTP response text must be US-ASCII: '{line}'.");
                }
            }
        }

        StatusCode = statusCode;
        EnhancedStatusCode = enhancedStatusCode ?? string.Empty;
        StatusText = statusText ?? Array.Empty<string>();
    }

    public string StatusCode { get; }

    public string EnhancedStatusCode { get; }

    public string[] StatusText { get; }

    public bool IsEmpty => StatusCode == null;

    public SmtpResponseType SmtpResponseType => StatusCode == null
        ? SmtpResponseType.Unknown
        : (SmtpResponseType)(StatusCode[0] - '1');

    public static SmtpResponse QueuedMailForDelivery(string messageId) =>
        new SmtpResponse("250", "2.6.0", $"{messageId} Queued mail for delivery");

    public static bool operator ==(SmtpResponse left, SmtpResponse right) => left.Equals(right);

    public static bool operator !=(SmtpResponse left, SmtpResponse right) => !left.Equals(right);

    public bool Equals(SmtpResponse other) =>
        StatusCode == other.StatusCode && EnhancedStatusCode == other.EnhancedStatusCode;

    public override bool Equals(object obj) => obj is SmtpResponse other && Equals(other);

    public override int GetHashCode() => (StatusCode ?? string.Empty).GetHashCode() ^ (EnhancedStatusCode ?? string.Empty).GetHashCode();

    public override string ToString() =>
        IsEmpty ? string.Empty : StatusCode + " " + EnhancedStatusCode + " " + string.Join("\r\n", StatusText);

    private static bool IsDigits(string value)
    {
        foreach (char c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static bool IsEnhancedStatusCode(string value, char replyClass)
    {
        string[] parts = value.Split('.');
        return parts.Length == 3
            && parts[0].Length == 1 && parts[0][0] == replyClass
            && parts[1].Length is >= 1 and <= 3 && IsDigits(parts[1])
            && parts[2].Length is >= 1 and <= 3 && IsDigits(parts[2]);
    }
#else
    public SmtpResponse(string statusCode, string enhancedStatusCode, params string[] statusText) =>
        throw ContractStub.NotAvailable();

    public string StatusCode => throw ContractStub.NotAvailable();

    public string EnhancedStatusCode => throw ContractStub.NotAvailable();

    public string[] StatusText => throw ContractStub.NotAvailable();

    public bool IsEmpty => throw ContractStub.NotAvailable();

    public SmtpResponseType SmtpResponseType => throw ContractStub.NotAvailable();

    public static SmtpResponse QueuedMailForDelivery(string messageId) => throw ContractStub.NotAvailable();

    public static bool operator ==(SmtpResponse left, SmtpResponse right) => throw ContractStub.NotAvailable();

    public static bool operator !=(SmtpResponse left, SmtpResponse right) => throw ContractStub.NotAvailable();

    public bool Equals(SmtpResponse other) => throw ContractStub.NotAvailable();

    public override bool Equals(object obj) => throw ContractStub.NotAvailable();

    public override int GetHashCode() => throw ContractStub.NotAvailable();

    public override string ToString() => throw ContractStub.NotAvailable();
#endif
}
