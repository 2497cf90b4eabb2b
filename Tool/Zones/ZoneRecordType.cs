namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>The resource record types that the zone reader stores; other types are read and ignored.</summary>
public enum ZoneRecordType
{
    A,
    Aaaa,
    Txt,
    Mx,
    Ptr,
    Cname,
    Ns,
    Soa,

    /// <summary>Any other type, such as SPF (type 99, which RFC 7208 §3.1 retired) or CAA.</summary>
    Other,
}
