using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Parses the arguments of each mechanism kind: domain-specs, CIDR lengths and networks (RFC 7208 §5).
/// </summary>
internal static class MechanismParser
{
    public static bool TryParse(
        DirectiveArguments context,
        [NotNullWhen(true)] out SpfMechanism? mechanism,
        out string error)
    {
        return context.Kind switch
        {
            SpfMechanismKind.All => TryParseAll(context, out mechanism, out error),
            SpfMechanismKind.Include or SpfMechanismKind.Exists =>
                TryParseRequiredTarget(context, out mechanism, out error),
            SpfMechanismKind.A or SpfMechanismKind.Mx => TryParseHostMechanism(context, out mechanism, out error),
            SpfMechanismKind.Ptr => TryParsePtr(context, out mechanism, out error),
            _ => TryParseNetwork(context, out mechanism, out error),
        };
    }

    // RFC 7208 §5.1: all = "all", with nothing after the name.
    private static bool TryParseAll(DirectiveArguments context, out SpfMechanism? mechanism, out string error)
    {
        if (context.Arguments.Length != 0)
        {
            return Reject(context, "takes no argument", out mechanism, out error);
        }

        return Accept(context, null, null, 0, 0, out mechanism, out error);
    }

    // RFC 7208 §5.2, §5.7: include = "include" ":" domain-spec, exists = "exists" ":" domain-spec.
    private static bool TryParseRequiredTarget(
        DirectiveArguments context,
        out SpfMechanism? mechanism,
        out string error)
    {
        if (!context.Arguments.StartsWith(":", StringComparison.Ordinal))
        {
            return Reject(context, "requires ':' and a domain-spec", out mechanism, out error);
        }

        if (!DomainSpec.TryParse(context.Arguments.Substring(1), out DomainSpec? target, out string detail))
        {
            return Reject(context, detail, out mechanism, out error);
        }

        return Accept(context, target, null, 0, 0, out mechanism, out error);
    }

    // RFC 7208 §5.3, §5.4: a / mx = name [ ":" domain-spec ] [ dual-cidr-length ].
    private static bool TryParseHostMechanism(DirectiveArguments context, out SpfMechanism? mechanism, out string error)
    {
        string rest = context.Arguments;
        int ipv6Prefix = SpfMechanism.FullIpv6Prefix;
        int ipv4Prefix = SpfMechanism.FullIpv4Prefix;
        CidrSuffix ipv6 = CidrSuffix.Take(ref rest, doubleSlash: true);
        if (ipv6.Present && !ipv6.TryGetLength(SpfMechanism.FullIpv6Prefix, out ipv6Prefix))
        {
            return Reject(context, "has an invalid IPv6 CIDR length", out mechanism, out error);
        }

        CidrSuffix ipv4 = CidrSuffix.Take(ref rest, doubleSlash: false);
        if (ipv4.Present && !ipv4.TryGetLength(SpfMechanism.FullIpv4Prefix, out ipv4Prefix))
        {
            return Reject(context, "has an invalid IPv4 CIDR length", out mechanism, out error);
        }

        if (!TryParseOptionalTarget(context, rest, out DomainSpec? target, out mechanism, out error))
        {
            return false;
        }

        return Accept(context, target, null, ipv4Prefix, ipv6Prefix, out mechanism, out error);
    }

    // RFC 7208 §5.5: ptr = "ptr" [ ":" domain-spec ].
    private static bool TryParsePtr(DirectiveArguments context, out SpfMechanism? mechanism, out string error)
    {
        if (!TryParseOptionalTarget(context, context.Arguments, out DomainSpec? target, out mechanism, out error))
        {
            return false;
        }

        return Accept(context, target, null, 0, 0, out mechanism, out error);
    }

    // RFC 7208 §5.6: ip4 = "ip4" ":" ip4-network [ ip4-cidr-length ], ip6 likewise; no dual CIDR.
    private static bool TryParseNetwork(DirectiveArguments context, out SpfMechanism? mechanism, out string error)
    {
        bool isIpv4 = context.Kind == SpfMechanismKind.Ip4;
        if (!context.Arguments.StartsWith(":", StringComparison.Ordinal))
        {
            return Reject(context, "requires ':' and a network address", out mechanism, out error);
        }

        string value = context.Arguments.Substring(1);
        int slash = value.IndexOf('/');
        string addressText = slash < 0 ? value : value.Substring(0, slash);
        int maxPrefix = isIpv4 ? SpfMechanism.FullIpv4Prefix : SpfMechanism.FullIpv6Prefix;
        int prefix = maxPrefix;
        if (slash >= 0)
        {
            string suffix = value.Substring(slash);
            CidrSuffix cidr = CidrSuffix.Take(ref suffix, doubleSlash: false);
            if (!cidr.Present || suffix.Length != 0 || !cidr.TryGetLength(maxPrefix, out prefix))
            {
                return Reject(context, "has an invalid CIDR length", out mechanism, out error);
            }
        }

        IPAddress? network;
        bool parsed = isIpv4
            ? IpAddressText.TryParseIpv4(addressText, out network)
            : IpAddressText.TryParseIpv6(addressText, out network);
        if (!parsed)
        {
            return Reject(context, $"has an invalid {(isIpv4 ? "IPv4" : "IPv6")} network '{addressText}'",
                out mechanism, out error);
        }

        return isIpv4
            ? Accept(context, null, network, prefix, 0, out mechanism, out error)
            : Accept(context, null, network, 0, prefix, out mechanism, out error);
    }

    private static bool TryParseOptionalTarget(
        DirectiveArguments context,
        string rest,
        out DomainSpec? target,
        out SpfMechanism? mechanism,
        out string error)
    {
        target = null;
        mechanism = null;
        error = "";
        if (rest.Length == 0)
        {
            return true;
        }

        if (rest[0] != ':')
        {
            return Reject(context, "has unexpected text after the mechanism name", out mechanism, out error);
        }

        if (!DomainSpec.TryParse(rest.Substring(1), out target, out string detail))
        {
            return Reject(context, detail, out mechanism, out error);
        }

        return true;
    }

    private static bool Accept(
        DirectiveArguments context,
        DomainSpec? target,
        IPAddress? network,
        int ipv4Prefix,
        int ipv6Prefix,
        out SpfMechanism? mechanism,
        out string error)
    {
        mechanism = new SpfMechanism(
            context.Term, context.Qualifier, context.Kind, target, network, ipv4Prefix, ipv6Prefix);
        error = "";
        return true;
    }

    private static bool Reject(DirectiveArguments context, string reason, out SpfMechanism? mechanism, out string error)
    {
        mechanism = null;
        error = $"The mechanism '{context.Term}' {reason}.";
        return false;
    }
}
