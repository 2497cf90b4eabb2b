using System.Net;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// One parsed directive of an SPF record: a qualifier and a mechanism with its arguments (RFC 7208 §4.6.1, §5).
/// </summary>
public sealed class SpfMechanism
{
    // RFC 7208 §5.3, §5.4: a missing ip4-cidr-length means /32 and a missing ip6-cidr-length means /128.
    internal const int FullIpv4Prefix = 32;
    internal const int FullIpv6Prefix = 128;

    internal SpfMechanism(
        string text,
        SpfQualifier qualifier,
        SpfMechanismKind kind,
        DomainSpec? domainSpec,
        IPAddress? network,
        int ipv4PrefixLength,
        int ipv6PrefixLength)
    {
        Text = text;
        Qualifier = qualifier;
        Kind = kind;
        Target = domainSpec;
        Network = network;
        NetworkBytes = network?.GetAddressBytes();
        Ipv4PrefixLength = ipv4PrefixLength;
        Ipv6PrefixLength = ipv6PrefixLength;
    }

    /// <summary>The directive as written in the record, such as "-ip4:192.0.2.0/24".</summary>
    public string Text { get; }

    public SpfQualifier Qualifier { get; }

    public SpfMechanismKind Kind { get; }

    /// <summary>The domain-spec as written, or null when the mechanism uses the current domain or has none.</summary>
    public string? DomainSpec => Target?.Text;

    /// <summary>The network address of ip4 and ip6; null for the other mechanisms.</summary>
    public IPAddress? Network { get; }

    /// <summary>The prefix length applied to IPv4 addresses (ip4, a, mx).</summary>
    public int Ipv4PrefixLength { get; }

    /// <summary>The prefix length applied to IPv6 addresses (ip6, a, mx).</summary>
    public int Ipv6PrefixLength { get; }

    /// <summary>True for the mechanisms that query DNS and count towards <see cref="SpfLimits.MaxDnsTerms"/>.</summary>
    // RFC 7208 §4.6.4: include, a, mx, ptr and exists cause DNS queries; all, ip4 and ip6 do not.
    public bool QueriesDns => Kind is SpfMechanismKind.Include or SpfMechanismKind.A or SpfMechanismKind.Mx
        or SpfMechanismKind.Ptr or SpfMechanismKind.Exists;

    internal DomainSpec? Target { get; }

    /// <summary>The bytes of <see cref="Network"/>, kept so that matching allocates nothing.</summary>
    internal byte[]? NetworkBytes { get; }

    /// <summary>The result that a match of this directive produces (RFC 7208 §4.6.2).</summary>
    public SpfResult MatchResult => Qualifier switch
    {
        SpfQualifier.Fail => SpfResult.Fail,
        SpfQualifier.SoftFail => SpfResult.SoftFail,
        SpfQualifier.Neutral => SpfResult.Neutral,
        _ => SpfResult.Pass,
    };

    /// <inheritdoc/>
    public override string ToString() => Text;
}
