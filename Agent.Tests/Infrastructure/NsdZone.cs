namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// A zone that an <see cref="NsdServer"/> serves: its origin and the text of its zone file.
/// </summary>
/// <remarks>
/// A zone without text is configured but has no zone file, so NSD responds with SERVFAIL for every name in it.
/// </remarks>
public sealed class NsdZone
{
    public NsdZone(string origin, string? text)
    {
        Origin = origin;
        Text = text;
    }

    /// <summary>The zone apex, such as <c>example.com</c>, or <c>.</c> for the root zone.</summary>
    public string Origin { get; }

    /// <summary>The zone file in RFC 1035 master file format, or null for a zone that fails to load.</summary>
    public string? Text { get; }
}
