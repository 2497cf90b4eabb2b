using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Benchmarks.Micro;

/// <summary>
/// The parsers that find the originating client: the appliance's origin header, single Received lines, and the
/// walk down a Received chain past the trusted appliance.
/// </summary>
[MemoryDiagnoser]
public class OriginParsingBenchmarks
{
    private const string Ipv4Header = "198.51.100.130; helo=mail.sender-0.example";
    private const string Ipv6Header = "[IPv6:2001:db8:b1::25] (sending client); helo=mail.sender-0.example";

    private const string ExchangeLine =
        "from gw1.corp.example (192.0.2.250) by ex01.corp.example (192.0.2.10) with Microsoft SMTP Server "
        + "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1544.4; "
        + "Thu, 4 Dec 2025 16:40:12 +0000";

    private const string PostfixLine =
        "from mail.sender-0.example (mail.sender-0.example [198.51.100.130])\r\n\tby gw1.corp.example (Postfix) "
        + "with ESMTPS id 4dLq8x2Z9f\r\n\tfor <alice@corp.example>; Thu, 4 Dec 2025 16:40:12 +0000";

    private readonly IReadOnlyList<string?> _chain = ScenarioMessages.Create(0, ClientKind.Ipv4Pass, 1).ReceivedValues;
    private readonly IPAddressRangeList _trustedRelays = ScenarioMessages.CreateSettings().Origin.TrustedRelays;

    [Benchmark]
    public OriginHeaderValue OriginHeaderIpv4() => OriginHeaderParser.Parse(Ipv4Header);

    [Benchmark]
    public OriginHeaderValue OriginHeaderIpv6() => OriginHeaderParser.Parse(Ipv6Header);

    [Benchmark]
    public ReceivedHop ReceivedExchange() => ReceivedHeaderParser.Parse(ExchangeLine);

    [Benchmark]
    public ReceivedHop ReceivedPostfixFolded() => ReceivedHeaderParser.Parse(PostfixLine);

    [Benchmark]
    public ReceivedChainResult ReceivedChainWalk() => ReceivedChainWalker.Walk(_chain, _trustedRelays);
}
