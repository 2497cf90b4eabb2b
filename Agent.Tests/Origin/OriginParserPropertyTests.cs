using System.Linq;
using System.Net;
using System.Net.Sockets;
using ExchangeSpfAgent.Origin;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ExchangeSpfAgent.Tests.Origin;

/// <summary>
/// Property tests: no input string makes a parser throw, and every result keeps its invariants.
/// </summary>
public class OriginParserPropertyTests
{
    // Fragments that real headers are built from, so that random strings often come close to
    // valid ones and reach the deeper branches of the parsers.
    private static readonly string[] s_fragments =
    {
        "from ", "by ", "with ", "id ", "for ", "via ", "HELO ", "helo=", "port=", "ident=", "qmail 1 invoked ",
        "(", ")", "[", "]", "<", ">", "\"", "\\", ";", ":", "::", ".", "@", "%", "/", "=", " ", "\t", "\r\n ", "\r\n",
        "IPv6:", "192.0.2.1", "2001:db8::1", "::ffff:192.0.2.5", "fe80::1%12", "255", "0", "ffff",
        "mail.example.org", "unknown", "localhost", "ESMTPS", "local", "mapi", "POP3", "Microsoft SMTP Server",
        "\u00e4", "\0", "\uff11",
    };

    private static Arbitrary<string> HeaderLike()
    {
        Gen<string> fragments = Gen.Elements(s_fragments).ListOf().Select(list => string.Concat(list));
        return Gen.OneOf(fragments, ArbMap.Default.GeneratorFor<string>().Select(text => text ?? string.Empty))
            .ToArbitrary();
    }

    [Property(MaxTest = 500)]
    public Property OriginHeaderParser_NeverThrows() => Prop.ForAll(HeaderLike(), value =>
    {
        bool parsed = OriginHeaderParser.TryParse(value, out OriginHeaderValue? result, out string? reason);
        return parsed
            ? result is not null && reason is null && !result.Address.IsIPv4MappedToIPv6 && HeloIsValidOrNull(result.Helo)
            : result is null && !string.IsNullOrEmpty(reason);
    });

    [Property(MaxTest = 500)]
    public Property ReceivedHeaderParser_NeverThrows() => Prop.ForAll(HeaderLike(), value =>
    {
        ReceivedHop hop = ReceivedHeaderParser.Parse(value);
        bool failed = hop.Status == ReceivedParseStatus.Unparseable;
        return failed == (hop.FailureReason is not null)
            && (!hop.IsNetworkHandover || hop.SendingAddress is not null)
            && (!failed || (hop.SendingAddress is null && !hop.IsNetworkHandover))
            && (hop.SendingAddress is null || !hop.SendingAddress.IsIPv4MappedToIPv6);
    });

    [Property(MaxTest = 300)]
    public Property ReceivedChainWalker_NeverThrows() => Prop.ForAll(HeaderLike().Array(), values =>
    {
        ReceivedChainResult result = ReceivedChainWalker.Walk(values, IPAddressRangeList.Parse(new[] { "192.0.2.0/24" }));
        return (result.Status == ReceivedChainStatus.Found) == (result.Origin is not null)
            && result.Hops.Count <= ReceivedChainWalker.MaxHeaders;
    });

    [Property(MaxTest = 500)]
    public Property RangeAndLiteralParsers_NeverThrow() => Prop.ForAll(HeaderLike(), value =>
    {
        bool range = IPAddressRange.TryParse(value, out IPAddressRange? parsedRange, out string? error);
        IPAddressSyntax.TryParseLiteral(value, out IPAddress? literal);
        HeloSyntax.IsValid(value);
        return (range ? parsedRange is not null : !string.IsNullOrEmpty(error))
            && (literal is null || !literal.IsIPv4MappedToIPv6);
    });

    [Property(MaxTest = 500)]
    public Property OriginSelector_NeverThrows() => Prop.ForAll(HeaderLike().Array(), HeaderLike().Array(), (headers, received) =>
    {
        var selector = new OriginSelector(new OriginSelectorOptions
        {
            TrustedRelays = IPAddressRangeList.Parse(new[] { "192.0.2.10" }),
            HeaderOccurrence = OriginHeaderOccurrence.Last,
        });
        OriginDecision decision = selector.Select(new OriginRequest
        {
            PeerAddress = IPAddress.Parse("192.0.2.10"),
            OriginHeaderValues = headers,
            ReceivedValues = received,
        });

        bool hasAddress = decision.Address is not null;
        bool expectsAddress = decision.Status is OriginStatus.Found or OriginStatus.Skipped;
        return hasAddress == expectsAddress
            && (decision.Address is null || !decision.Address.Equals(IPAddress.Parse("192.0.2.10")))
            && !string.IsNullOrEmpty(decision.Reason);
    });

    [Property(MaxTest = 300)]
    public Property Literal_RoundTripsAddressText() => Prop.ForAll(
        ArbMap.Default.GeneratorFor<byte[]>().Where(bytes => bytes is not null).ToArbitrary(),
        seed =>
        {
            byte[] bytes = Enumerable.Range(0, 16).Select(index => index < seed.Length ? seed[index] : (byte)index).ToArray();
            var address = new IPAddress(seed.Length % 2 == 0 ? bytes : bytes.Take(4).ToArray());
            IPAddress expected = IPAddressNormalizer.Normalize(address);
            string text = address.ToString();
            string tagged = address.AddressFamily == AddressFamily.InterNetworkV6 ? "[IPv6:" + text + "]" : "[" + text + "]";

            return IPAddressSyntax.TryParseLiteral(text, out IPAddress? plain)
                && expected.Equals(plain)
                && IPAddressSyntax.TryParseLiteral(tagged, out IPAddress? bracketed)
                && expected.Equals(bracketed)
                && OriginHeaderParser.Parse(tagged + "; helo=mail.example.org").Address.Equals(expected);
        });

    private static bool HeloIsValidOrNull(string? helo) => helo is null || HeloSyntax.IsValid(helo);
}
