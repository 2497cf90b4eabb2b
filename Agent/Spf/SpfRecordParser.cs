using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Parses SPF records. The whole record is checked before evaluation, so a syntax error anywhere is
/// reported even when an earlier term would match (RFC 7208 §4.6).
/// </summary>
internal static class SpfRecordParser
{
    /// <summary>The version tag of an SPF version 1 record.</summary>
    // RFC 7208 §4.5: record = version terms *SP, version = "v=spf1".
    public const string VersionTag = "v=spf1";

    private const string RedirectName = "redirect";
    private const string ExplanationName = "exp";

    public static bool TryParse(string text, [NotNullWhen(true)] out SpfRecord? record, out string error)
    {
        record = null;
        if (!SpfRecord.HasVersionTag(text))
        {
            error = $"The record does not start with '{VersionTag}' followed by a space or the end.";
            return false;
        }

        for (int position = 0; position < text.Length; position++)
        {
            char character = text[position];

            // RFC 7208 §3.1, §4.6.1: records are US-ASCII and terms are separated by spaces only,
            // so a control character or a non-ASCII character anywhere is a syntax error.
            if (character < 0x20 || character > 0x7E)
            {
                error = $"The record contains the character U+{(int)character:X4} at position {position}; "
                    + "only printable US-ASCII and spaces are allowed.";
                return false;
            }
        }

        var mechanisms = new List<SpfMechanism>();
        DomainSpec? redirect = null;
        DomainSpec? explanation = null;
        string[] terms = text.Substring(VersionTag.Length).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        foreach (string term in terms)
        {
            if (TrySplitModifier(term, out string name, out string value))
            {
                if (!TryParseModifier(term, name, value, ref redirect, ref explanation, out error))
                {
                    return false;
                }

                continue;
            }

            if (!TryParseDirective(term, out SpfMechanism? mechanism, out error))
            {
                return false;
            }

            mechanisms.Add(mechanism);
        }

        record = new SpfRecord(text, mechanisms, redirect, explanation);
        error = "";
        return true;
    }

    // RFC 7208 §4.6.1: a modifier is name "=" value, with name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
    // and the "=" directly after the name, before any ":" or "/".
    private static bool TrySplitModifier(string term, out string name, out string value)
    {
        name = "";
        value = "";
        if (term.Length == 0 || !IsAsciiLetter(term[0]))
        {
            return false;
        }

        int index = 1;
        while (index < term.Length && IsModifierNameCharacter(term[index]))
        {
            index++;
        }

        if (index >= term.Length || term[index] != '=')
        {
            return false;
        }

        name = term.Substring(0, index);
        value = term.Substring(index + 1);
        return true;
    }

    private static bool TryParseModifier(
        string term,
        string name,
        string value,
        ref DomainSpec? redirect,
        ref DomainSpec? explanation,
        out string error)
    {
        bool isRedirect = string.Equals(name, RedirectName, StringComparison.OrdinalIgnoreCase);
        bool isExplanation = string.Equals(name, ExplanationName, StringComparison.OrdinalIgnoreCase);
        if (!isRedirect && !isExplanation)
        {
            // RFC 7208 §6: unknown modifiers are ignored, but their value must be a valid macro-string (§4.6.1).
            if (!MacroString.TryParse(value, MacroString.AllLetters, allowSpaces: false, out _, out error))
            {
                error = $"The modifier '{term}' has an invalid value: {error}";
                return false;
            }

            return true;
        }

        // RFC 7208 §6: redirect and exp MUST NOT appear more than once each.
        if ((isRedirect && redirect is not null) || (isExplanation && explanation is not null))
        {
            error = $"The modifier '{name}' appears more than once.";
            return false;
        }

        // RFC 7208 §6.1, §6.2: redirect = "redirect" "=" domain-spec, explanation = "exp" "=" domain-spec.
        if (!DomainSpec.TryParse(value, out DomainSpec? target, out error))
        {
            error = $"The modifier '{term}' is invalid: {error}";
            return false;
        }

        if (isRedirect)
        {
            redirect = target;
        }
        else
        {
            explanation = target;
        }

        return true;
    }

    private static bool TryParseDirective(string term, [NotNullWhen(true)] out SpfMechanism? mechanism, out string error)
    {
        mechanism = null;

        // RFC 7208 §4.6.2: qualifier = "+" / "-" / "?" / "~", "+" when absent.
        SpfQualifier qualifier = SpfQualifier.Pass;
        int start = 0;
        if (TryReadQualifier(term[0], out SpfQualifier written))
        {
            qualifier = written;
            start = 1;
        }

        int nameEnd = start;
        while (nameEnd < term.Length && (IsAsciiLetter(term[nameEnd]) || IsAsciiDigit(term[nameEnd])))
        {
            nameEnd++;
        }

        string name = term.Substring(start, nameEnd - start);
        string arguments = term.Substring(nameEnd);
        if (!TryReadKind(name, out SpfMechanismKind kind))
        {
            error = $"The term '{term}' is not a known mechanism or a modifier.";
            return false;
        }

        var context = new DirectiveArguments(term, qualifier, kind, arguments);
        return kind switch
        {
            SpfMechanismKind.All => TryParseAll(context, out mechanism, out error),
            SpfMechanismKind.Include or SpfMechanismKind.Exists => TryParseRequiredTarget(context, out mechanism, out error),
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
    private static bool TryParseRequiredTarget(DirectiveArguments context, out SpfMechanism? mechanism, out string error)
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
        mechanism = new SpfMechanism(context.Term, context.Qualifier, context.Kind, target, network, ipv4Prefix, ipv6Prefix);
        error = "";
        return true;
    }

    private static bool Reject(DirectiveArguments context, string reason, out SpfMechanism? mechanism, out string error)
    {
        mechanism = null;
        error = $"The mechanism '{context.Term}' {reason}.";
        return false;
    }

    private static bool TryReadQualifier(char character, out SpfQualifier qualifier)
    {
        switch (character)
        {
            case '+':
                qualifier = SpfQualifier.Pass;
                return true;
            case '-':
                qualifier = SpfQualifier.Fail;
                return true;
            case '~':
                qualifier = SpfQualifier.SoftFail;
                return true;
            case '?':
                qualifier = SpfQualifier.Neutral;
                return true;
            default:
                qualifier = SpfQualifier.Pass;
                return false;
        }
    }

    // RFC 7208 §5: mechanism names, compared without regard to case like all ABNF literals (RFC 5234 §2.3).
    private static bool TryReadKind(string name, out SpfMechanismKind kind)
    {
        switch (name.ToLowerInvariant())
        {
            case "all":
                kind = SpfMechanismKind.All;
                return true;
            case "include":
                kind = SpfMechanismKind.Include;
                return true;
            case "a":
                kind = SpfMechanismKind.A;
                return true;
            case "mx":
                kind = SpfMechanismKind.Mx;
                return true;
            case "ptr":
                kind = SpfMechanismKind.Ptr;
                return true;
            case "ip4":
                kind = SpfMechanismKind.Ip4;
                return true;
            case "ip6":
                kind = SpfMechanismKind.Ip6;
                return true;
            case "exists":
                kind = SpfMechanismKind.Exists;
                return true;
            default:
                kind = SpfMechanismKind.All;
                return false;
        }
    }

    private static bool IsModifierNameCharacter(char character) =>
        IsAsciiLetter(character) || IsAsciiDigit(character) || character == '-' || character == '_' || character == '.';

    private static bool IsAsciiLetter(char character) =>
        (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');

    private static bool IsAsciiDigit(char character) => character >= '0' && character <= '9';
}
