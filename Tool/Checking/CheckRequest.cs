using System.Net;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>One SPF check: the client address and the identities to evaluate.</summary>
internal sealed class CheckRequest
{
    public CheckRequest(IPAddress client, string mailFrom, string helo)
    {
        Client = client;
        MailFrom = mailFrom;
        Helo = helo;
    }

    /// <summary>The client IP, IPv4-mapped IPv6 addresses already turned into IPv4.</summary>
    public IPAddress Client { get; }

    /// <summary>The MAIL FROM address; empty for the null sender.</summary>
    public string MailFrom { get; }

    /// <summary>The HELO name; empty when unknown.</summary>
    public string Helo { get; }
}
