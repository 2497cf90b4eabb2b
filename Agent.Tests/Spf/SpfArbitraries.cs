using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// FsCheck generators for SPF records, macro-strings, domains and whole evaluation scenarios, mixing
/// valid syntax with the mistakes and hostile inputs seen in published records.
/// </summary>
public static class SpfArbitraries
{
    private static readonly string[] s_qualifiers = { "", "", "+", "-", "~", "?", "!" };

    private static readonly string[] s_mechanisms =
    {
        "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists", "A", "MX", "moo", "redirect", "exp",
    };

    private static readonly string[] s_pieces =
    {
        "example.com", "foo", "_spf", ".", "..", "-", "com", "123", "xn--zckzah", "%{d}", "%{i}", "%{ir}", "%{p}",
        "%{l2r-}", "%{s}", "%{o}", "%{h}", "%{v}", "%{D}", "%{L}", "%{x}", "%{d0}", "%{d999r.-+}", "%{c}", "%{t}",
        "%%", "%_", "%-", "%", "{", "}", "/24", "//64", "/33", ":", "192.0.2.1", "2001:db8::", "::1.2.3.4",
        "\u00EF\u00BB\u00BF", "\r", "\0", "=", "error.",
        "a123456789012345678901234567890123456789012345678901234567890123",
    };

    private static readonly string[] s_validQualifiers = { "", "", "", "+", "-", "~", "?" };

    private static readonly string[] s_labels =
    {
        "a", "mail", "_spf", "%{d}", "%{i}", "%{ir}", "%{p}", "%{l2r-}", "%{o}", "%{h}", "%{d2}", "%{v}", "%{L}",
        "%{s}", "%%", "%_", "%-", "error",
    };

    private static readonly string[] s_domainEnds =
    {
        ".example.com", ".example.net", ".com", "%{d}", "%{d2}", "%{o}", ".example.com.", "%{p}",
    };

    private static readonly string[] s_networks =
    {
        "ip4:192.0.2.1", "ip4:192.0.2.0/24", "ip4:0.0.0.0/0", "ip6:2001:db8::/32", "ip6:2001:db8::1",
        "ip6:::ffff:192.0.2.1", "ip4:198.51.100.0/24",
    };

    private static readonly string[] s_clients = { "192.0.2.1", "192.0.2.3", "2001:db8::1", "::ffff:192.0.2.1" };

    private static readonly string[] s_senders =
    {
        "", "<>", "user@example.com", "first.last-tag@mail.example.org", "@example.com", "a@b@example.com",
        "Macro Error@example.com", "x@",
        "j\u00FCrgen@example.com", "%{d}@example.com", "user@[192.0.2.1]", "user@localhost", "user",
        new string('l', 300) + "@example.com", "user@" + string.Join(".", Enumerable.Repeat("abcdefghij", 30)),
    };

    private static readonly string[] s_usualSenders =
    {
        "user@example.com", "first.last-tag@mail.example.org", "", "postmaster@example.net",
    };

    private static readonly string[] s_usualHelos = { "mail.example.com", "mx.example.org" };

    private static readonly string[] s_helos =
    {
        "mail.example.com", "[192.0.2.1]", "%%%", "", "OEMCOMPUTER", "JUMPIN' JUPITER", "b\u00FCcher.example",
        "a123456789012345678901234567890123456789012345678901234567890123.example.com",
    };

    /// <summary>Strings built from SPF fragments, valid and invalid.</summary>
    public static Gen<string> Fragments =>
        Gen.ListOf(Gen.Elements(s_pieces)).Select(pieces => string.Concat(pieces));

    /// <summary>Domain-specs that pass the syntax check, mostly with macros.</summary>
    public static Gen<string> DomainSpecs =>
        from labels in Gen.ListOf(Gen.Elements(s_labels))
        from end in Gen.Elements(s_domainEnds)
        select string.Join(".", labels.Take(4)) + (labels.Count > 0 && end[0] != '.' ? "." : "") + end;

    /// <summary>Terms with valid syntax, in the mix that published records use.</summary>
    public static Gen<string> ValidTerms =>
        Gen.Frequency(
            (3, from qualifier in Gen.Elements(s_validQualifiers)
                from name in Gen.Elements("a", "mx", "ptr")
                from target in Gen.OneOf(Gen.Constant(""), DomainSpecs.Select(spec => ":" + spec))
                from cidr in Gen.Elements("", "", "/24", "//64", "/0//0", "/32//128")
                select qualifier + name + target + (name == "ptr" ? "" : cidr)),
            (3, from qualifier in Gen.Elements(s_validQualifiers)
                from name in Gen.Elements("include", "exists")
                from target in DomainSpecs
                select qualifier + name + ":" + target),
            (2, from qualifier in Gen.Elements(s_validQualifiers)
                from network in Gen.Elements(s_networks)
                select qualifier + network),
            (1, Gen.Elements(s_validQualifiers).Select(qualifier => qualifier + "all")),
            (1, from name in Gen.Elements("redirect=", "exp=", "unknown-modifier=")
                from target in DomainSpecs
                select name + target));

    /// <summary>Records that mostly start with a version tag and hold mostly valid terms.</summary>
    public static Gen<string> Records
    {
        get
        {
            Gen<string> junk = Gen.Elements(s_qualifiers)
                .SelectMany(qualifier => Gen.Elements(s_mechanisms), (qualifier, name) => qualifier + name)
                .SelectMany(head => Gen.Elements("", ":", "/", "//", "="), (head, separator) => head + separator)
                .SelectMany(prefix => Fragments, (prefix, rest) => prefix + rest);
            Gen<string> term = Gen.Frequency((20, ValidTerms), (1, junk), (1, Fragments));
            Gen<string> version = Gen.Frequency(
                (12, Gen.Constant("v=spf1")),
                (1, Gen.Elements("V=SPF1", "v=spf1x", "", "v=spf2.0/pra")));
            return version.SelectMany(
                tag => Gen.ListOf(term),
                (tag, terms) => tag + string.Concat(terms.Take(12).Select(item => " " + item)));
        }
    }

    public static Arbitrary<PolicyScenario> PolicyScenario()
    {
        Gen<PolicyScenario> scenario =
            from records in Gen.NonEmptyListOf(Records)
            from client in Gen.Elements(s_clients)
            from sender in Gen.Frequency((3, Gen.Elements(s_usualSenders)), (1, Gen.Elements(s_senders)))
            from helo in Gen.Frequency((3, Gen.Elements(s_usualHelos)), (1, Gen.Elements(s_helos)))
            from seed in Gen.Choose(0, 1_000_000)
            select new PolicyScenario(records.Take(6).ToList(), client, sender, helo, seed);
        return Arb.From(scenario);
    }

    public static Arbitrary<SpfText> SpfText() => Arb.From(
        Gen.OneOf(Fragments, Records, ArbMap.Default.GeneratorFor<string>().Where(text => text is not null))
            .Select(text => new SpfText(text)));
}
