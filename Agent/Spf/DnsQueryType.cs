namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A DNS record type that SPF evaluation queries (RFC 7208 §4.6.4, §5).
/// </summary>
public enum DnsQueryType
{
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
}
