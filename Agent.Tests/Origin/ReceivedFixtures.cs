using System.Collections.Generic;

namespace ExchangeSpfAgent.Tests.Origin;

/// <summary>
/// Received headers in the formats that real MTAs write, with made-up hosts and documentation
/// addresses (RFC 5737, RFC 3849).
/// </summary>
public static class ReceivedFixtures
{
    private const string Date = "; Tue, 5 Mar 2024 10:11:12 +0000";

    public static IReadOnlyDictionary<string, ReceivedCase> Parsed { get; } = new Dictionary<string, ReceivedCase>
    {
        ["Exchange bare IPv4"] = new(
            "from mail.example.org (203.0.113.5) by EX01.corp.example.net (10.1.1.10) with Microsoft SMTP Server "
                + "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.39" + Date,
            "203.0.113.5",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "EX01.corp.example.net", Protocol = "Microsoft SMTP Server",
        },
        ["Exchange bracketed IPv4"] = new(
            "from mail.example.org ([203.0.113.5]) by EX01.corp.example.net ([10.1.1.10]) with Microsoft SMTP Server "
                + "id 15.2.1258.12 via Frontend Transport" + Date,
            "203.0.113.5",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "EX01.corp.example.net", Protocol = "Microsoft SMTP Server",
        },
        ["Exchange bare IPv6"] = new(
            "from mail6.example.org (2001:db8:25::5) by EX02.corp.example.net (2001:db8:1::10) with Microsoft SMTP "
                + "Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.28" + Date,
            "2001:db8:25::5",
            true)
        {
            Helo = "mail6.example.org", ReceivingHost = "EX02.corp.example.net", Protocol = "Microsoft SMTP Server",
        },
        ["Exchange folded"] = new(
            "from mail.example.org (203.0.113.5) by\r\n EX01.corp.example.net (10.1.1.10) with Microsoft SMTP\r\n"
                + " Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.39; Tue, 5"
                + "\r\n Mar 2024 10:11:12 +0000",
            "203.0.113.5",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "EX01.corp.example.net", Protocol = "Microsoft SMTP Server",
        },
        ["Exchange MAPI submission"] = new(
            "from EX01.corp.example.net ([fe80::8d1c:2f4a:91b3:7e05]) by EX01.corp.example.net "
                + "([fe80::8d1c:2f4a:91b3:7e05%12]) with mapi id 15.01.2507.039" + Date,
            "fe80::8d1c:2f4a:91b3:7e05",
            false)
        {
            Helo = "EX01.corp.example.net", ReceivingHost = "EX01.corp.example.net", Protocol = "mapi",
        },
        ["Exchange zone id"] = new(
            "from EX01.corp.example.net (fe80::8d1c:2f4a:91b3:7e05%12) by EX02.corp.example.net "
                + "(fe80::77%12) with Microsoft SMTP Server id 15.2.1258.12" + Date,
            "fe80::8d1c:2f4a:91b3:7e05",
            true)
        {
            Helo = "EX01.corp.example.net", ReceivingHost = "EX02.corp.example.net", Protocol = "Microsoft SMTP Server",
        },
        ["Microsoft 365 inbound"] = new(
            "from NAM12-BN8-obe.outbound.protection.outlook.example\r\n"
                + " (mail-bn8nam12on2090.outbound.protection.outlook.example [198.51.100.140]) by\r\n"
                + " BN8NAM12FT012.mail.protection.outlook.example (10.13.182.99) with Microsoft SMTP\r\n"
                + " Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id\r\n"
                + " 15.20.7452.22 via Frontend Transport" + Date,
            "198.51.100.140",
            true)
        {
            Helo = "NAM12-BN8-obe.outbound.protection.outlook.example",
            ReverseDnsName = "mail-bn8nam12on2090.outbound.protection.outlook.example",
            ReceivingHost = "BN8NAM12FT012.mail.protection.outlook.example",
            Protocol = "Microsoft SMTP Server",
        },
        ["Postfix IPv4"] = new(
            "from mail.example.org (mail.example.org [198.51.100.23]) by mx.example.net (Postfix) with ESMTPS "
                + "id 4T9xYz1Lq2z9sKf for <user@example.net>" + Date,
            "198.51.100.23",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTPS",
        },
        ["Postfix unknown IPv6"] = new(
            "from [IPv6:2001:db8::77] (unknown [IPv6:2001:db8::77]) by mx.example.net (Postfix) with ESMTP "
                + "id 4T9xYz1Lq2z9sKg" + Date,
            "2001:db8::77",
            true)
        {
            Helo = "[IPv6:2001:db8::77]", ReceivingHost = "mx.example.net", Protocol = "ESMTP",
        },
        ["Postfix TLS comments"] = new(
            "from helo.example.org (mail.example.org [198.51.100.23])\r\n"
                + "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n"
                + "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n"
                + "\t(No client certificate requested)\r\n"
                + "\tby mx.example.net (Postfix) with ESMTPS id 4T9xYz1Lq2z9sKh\r\n"
                + "\tfor <user@example.net>; Tue, 5 Mar 2024 10:11:12 +0100 (CET)",
            "198.51.100.23",
            true)
        {
            Helo = "helo.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTPS",
        },
        ["Postfix local pickup"] = new(
            "by mx.example.net (Postfix, from userid 1000)\r\n\tid 4T9xYz1Lq2z9sKi" + Date,
            null,
            false)
        {
            ReceivingHost = "mx.example.net",
        },
        ["Postfix content filter reinjection"] = new(
            "from localhost (localhost [127.0.0.1]) by mx.example.net (Postfix) with ESMTP id 4T9xYz1Lq2z9sKj" + Date,
            "127.0.0.1",
            true)
        {
            Helo = "localhost", ReverseDnsName = "localhost", ReceivingHost = "mx.example.net", Protocol = "ESMTP",
        },
        ["Amavis"] = new(
            "from mx.example.net ([127.0.0.1]) by localhost (mx.example.net [127.0.0.1]) (amavisd-new, port 10024) "
                + "with ESMTP id AbCdEf12345 for <user@example.net>" + Date,
            "127.0.0.1",
            true)
        {
            Helo = "mx.example.net", ReceivingHost = "localhost", Protocol = "ESMTP",
        },
        ["Sendmail"] = new(
            "from relay.example.org (relay.example.org [198.51.100.40]) by mail.example.net (8.15.2/8.15.2) "
                + "with ESMTP id 425ABCDe012345 for <user@example.net>" + Date,
            "198.51.100.40",
            true)
        {
            Helo = "relay.example.org", ReverseDnsName = "relay.example.org", ReceivingHost = "mail.example.net",
            Protocol = "ESMTP",
        },
        ["Sendmail may be forged"] = new(
            "from helo.example.org (dyn-40.example.org [198.51.100.40] (may be forged)) by mail.example.net "
                + "(8.15.2/8.15.2) with ESMTP id 425ABCDe012346" + Date,
            "198.51.100.40",
            true)
        {
            Helo = "helo.example.org", ReverseDnsName = "dyn-40.example.org", ReceivingHost = "mail.example.net",
            Protocol = "ESMTP",
        },
        ["Sendmail bare brackets"] = new(
            "from helo.example.org ([198.51.100.41]) by mail.example.net (8.17.1/8.17.1) with ESMTP id 425ABCDe012347"
                + Date,
            "198.51.100.41",
            true)
        {
            Helo = "helo.example.org", ReceivingHost = "mail.example.net", Protocol = "ESMTP",
        },
        ["Sendmail ident"] = new(
            "from helo.example.org (root@relay.example.org [198.51.100.42]) by mail.example.net (8.15.2/8.15.2) "
                + "with ESMTP id 425ABCDe012348" + Date,
            "198.51.100.42",
            true)
        {
            Helo = "helo.example.org", ReverseDnsName = "relay.example.org", ReceivingHost = "mail.example.net",
            Protocol = "ESMTP",
        },
        ["Sendmail submit"] = new(
            "(from alice@localhost) by mail.example.net (8.15.2/8.15.2/Submit) id 425ABCDe012349" + Date,
            null,
            false)
        {
            ReceivingHost = "mail.example.net",
        },
        ["Exim rDNS and helo"] = new(
            "from mail.example.org ([198.51.100.60] helo=smtp.example.org)\r\n"
                + "\tby mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n"
                + "\t(Exim 4.96)\r\n\t(envelope-from <alice@example.org>)\r\n\tid 1rhABC-000123-4x\r\n"
                + "\tfor bob@example.net; Tue, 05 Mar 2024 10:11:12 +0000",
            "198.51.100.60",
            true)
        {
            Helo = "smtp.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "esmtps",
        },
        ["Exim address as name"] = new(
            "from [198.51.100.61] (helo=client.example.org) by mx.example.net with esmtp (Exim 4.96) "
                + "(envelope-from <alice@example.org>) id 1rhABC-000124-5y" + Date,
            "198.51.100.61",
            true)
        {
            Helo = "client.example.org", ReceivingHost = "mx.example.net", Protocol = "esmtp",
        },
        ["Exim port and helo"] = new(
            "from [198.51.100.62] (port=53124 helo=client.example.org) by mx.example.net with esmtpa (Exim 4.97) "
                + "(envelope-from <alice@example.org>) id 1rhABC-000125-6z" + Date,
            "198.51.100.62",
            true)
        {
            Helo = "client.example.org", ReceivingHost = "mx.example.net", Protocol = "esmtpa",
        },
        ["Exim port after literal"] = new(
            "from mail.example.org ([198.51.100.64]:41234 helo=smtp.example.org) by mx.example.net with esmtp "
                + "(Exim 4.96) id 1rhABC-000126-7a" + Date,
            "198.51.100.64",
            true)
        {
            Helo = "smtp.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "esmtp",
        },
        ["Exim literal alone"] = new(
            "from [198.51.100.63] by mx.example.net with smtp (Exim 4.96) id 1rhABC-000127-8b" + Date,
            "198.51.100.63",
            true)
        {
            ReceivingHost = "mx.example.net", Protocol = "smtp",
        },
        ["Exim HELO literal"] = new(
            "from [198.51.100.65] (helo=[10.9.8.7]) by mx.example.net with esmtp (Exim 4.96) id 1rhABC-000128-9c"
                + Date,
            "198.51.100.65",
            true)
        {
            Helo = "[10.9.8.7]", ReceivingHost = "mx.example.net", Protocol = "esmtp",
        },
        ["Exim IPv6"] = new(
            "from mail6.example.org ([2001:db8:5::60]) by mx.example.net with esmtps (TLS1.3) "
                + "tls TLS_AES_128_GCM_SHA256 (Exim 4.96) (envelope-from <alice@example.org>) id 1rhABC-000129-0d"
                + Date,
            "2001:db8:5::60",
            true)
        {
            Helo = "mail6.example.org", ReceivingHost = "mx.example.net", Protocol = "esmtps",
        },
        ["Exim local"] = new(
            "from alice by mx.example.net with local (Exim 4.96) (envelope-from <alice@mx.example.net>) "
                + "id 1rhABC-000130-1e" + Date,
            null,
            false)
        {
            Helo = "alice", ReceivingHost = "mx.example.net", Protocol = "local",
        },
        ["Exim local SMTP"] = new(
            "from alice (helo=workstation) by mx.example.net with local-esmtp (Exim 4.96) id 1rhABC-000131-2f" + Date,
            null,
            false)
        {
            Helo = "workstation", ReverseDnsName = "alice", ReceivingHost = "mx.example.net", Protocol = "local-esmtp",
        },
        ["qmail unknown with HELO"] = new(
            "from unknown (HELO mail.example.org) (198.51.100.80) by mx.example.net with SMTP; 5 Mar 2024 "
                + "10:11:12 -0000",
            "198.51.100.80",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "mx.example.net", Protocol = "SMTP",
        },
        ["qmail remote info"] = new(
            "from mail.example.org (HELO smtp.example.org) (user@198.51.100.81) by mx.example.net with SMTP"
                + Date,
            "198.51.100.81",
            true)
        {
            Helo = "smtp.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "SMTP",
        },
        ["qmail same HELO"] = new(
            "from mail.example.org (198.51.100.82) by mx.example.net with SMTP" + Date,
            "198.51.100.82",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "mx.example.net", Protocol = "SMTP",
        },
        ["qmail HELO literal"] = new(
            "from unknown (HELO [10.0.0.9]) (198.51.100.83) by mx.example.net with SMTP" + Date,
            "198.51.100.83",
            true)
        {
            Helo = "[10.0.0.9]", ReceivingHost = "mx.example.net", Protocol = "SMTP",
        },
        ["qmail invoked by uid"] = new("(qmail 12345 invoked by uid 89); 5 Mar 2024 10:11:12 -0000", null, false),
        ["qmail invoked from network"] = new("(qmail 12346 invoked from network)" + Date, null, false),
        ["fetchmail POP3"] = new(
            "from pop.example.org [198.51.100.90]\r\n\tby localhost with POP3 (fetchmail-6.4.37)\r\n"
                + "\tfor <alice@localhost> (single-drop); Tue, 05 Mar 2024 10:11:12 +0100 (CET)",
            "198.51.100.90",
            false)
        {
            Helo = "pop.example.org", ReceivingHost = "localhost", Protocol = "POP3",
        },
        ["fetchmail IMAP"] = new(
            "from imap.example.org by localhost with IMAP (fetchmail-6.4.37) for <alice@localhost> (single-drop)"
                + Date,
            null,
            false)
        {
            Helo = "imap.example.org", ReceivingHost = "localhost", Protocol = "IMAP",
        },
        ["getmail IMAP SSL"] = new(
            "from imap.example.org (imap.example.org [198.51.100.91]) by getmail.example.net with IMAP4-SSL" + Date,
            "198.51.100.91",
            false)
        {
            Helo = "imap.example.org", ReverseDnsName = "imap.example.org", ReceivingHost = "getmail.example.net",
            Protocol = "IMAP4-SSL",
        },
        ["Barracuda"] = new(
            "from mail.example.org (mail.example.org [198.51.100.100]) by barracuda.example.net with ESMTP "
                + "id aBcDeFgHiJkLmNoP for <bob@example.net>; Tue, 05 Mar 2024 10:11:12 -0800 (PST)",
            "198.51.100.100",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "barracuda.example.net",
            Protocol = "ESMTP",
        },
        ["Proofpoint"] = new(
            "from mail.example.org (mail.example.org [198.51.100.101]) by mx0a-00123401.pphosted.example (PPS) "
                + "with ESMTPS id 3wk8abcdef-1 (version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256 "
                + "verify=NOT) for <bob@example.net>" + Date,
            "198.51.100.101",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org",
            ReceivingHost = "mx0a-00123401.pphosted.example", Protocol = "ESMTPS",
        },
        ["Sophos"] = new(
            "from smtp.example.org ([198.51.100.102]) by appliance.example.net (Sophos Email Appliance) with ESMTP "
                + "(Sophos Email Appliance) id 1rhXYZ-0001aB-Cd for bob@example.net" + Date,
            "198.51.100.102",
            true)
        {
            Helo = "smtp.example.org", ReceivingHost = "appliance.example.net", Protocol = "ESMTP",
        },
        ["IronPort HELO comment"] = new(
            "from unknown (HELO smtp.example.org) ([198.51.100.103]) by esa1.example.net with "
                + "ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384; 05 Mar 2024 10:11:12 -0800",
            "198.51.100.103",
            true)
        {
            Helo = "smtp.example.org", ReceivingHost = "esa1.example.net",
            Protocol = "ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384",
        },
        ["IronPort named"] = new(
            "from mail.example.org ([198.51.100.104]) by esa2.example.net with ESMTP" + Date,
            "198.51.100.104",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "esa2.example.net", Protocol = "ESMTP",
        },
        ["Google IPv4"] = new(
            "from mail-sor-f41.example.com (mail-sor-f41.example.com. [198.51.100.120]) by mx.example.com "
                + "with SMTPS id a640c23a62f3a-a44d5e6f7g8sor1234567866b.12.2024.03.05.02.11.12 for "
                + "<bob@example.net> (Google Transport Security); Tue, 05 Mar 2024 02:11:12 -0800 (PST)",
            "198.51.100.120",
            true)
        {
            Helo = "mail-sor-f41.example.com", ReverseDnsName = "mail-sor-f41.example.com.",
            ReceivingHost = "mx.example.com", Protocol = "SMTPS",
        },
        ["Google IPv6"] = new(
            "from mail-ej1-x62f.example.com (mail-ej1-x62f.example.com. [2001:db8:4864:20::62f]) by mx.example.com "
                + "with ESMTPS id a640c23a62f3a-a44d5e6f7g8si1234567866b.13.2024.03.05.02.11.12 for "
                + "<bob@example.net> (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128)" + Date,
            "2001:db8:4864:20::62f",
            true)
        {
            Helo = "mail-ej1-x62f.example.com", ReverseDnsName = "mail-ej1-x62f.example.com.",
            ReceivingHost = "mx.example.com", Protocol = "ESMTPS",
        },
        ["Google internal"] = new(
            "by 2001:db8:6a10:9e8c:b0:5a1:2b3c:4d5e with SMTP id hx12csp123456pxb; Tue, 05 Mar 2024 02:11:13 -0800",
            null,
            false)
        {
            ReceivingHost = "2001:db8:6a10:9e8c:b0:5a1:2b3c:4d5e", Protocol = "SMTP",
        },
        ["Webmail HTTP"] = new(
            "from [198.51.100.130] by webmail.example.org with HTTP (HTTP/1.1 POST)" + Date,
            "198.51.100.130",
            false)
        {
            ReceivingHost = "webmail.example.org", Protocol = "HTTP",
        },
        ["HELO literal with TCP info"] = new(
            "from [192.0.2.1] ([198.51.100.7]) by mx.example.net with ESMTP id 1" + Date,
            "198.51.100.7",
            true)
        {
            Helo = "[192.0.2.1]", ReceivingHost = "mx.example.net", Protocol = "ESMTP",
        },
        ["HELO literal with rDNS"] = new(
            "from [192.0.2.1] (rdns.example.org [198.51.100.7]) by mx.example.net with ESMTP id 1" + Date,
            "198.51.100.7",
            true)
        {
            Helo = "[192.0.2.1]", ReverseDnsName = "rdns.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["IPv4-mapped in brackets"] = new(
            "from mail.example.org (mail.example.org [::ffff:198.51.100.8]) by mx.example.net with ESMTP id 1"
                + Date,
            "198.51.100.8",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Bracketed IPv6 without tag"] = new(
            "from mail6.example.org (mail6.example.org [2001:db8::1]) by mx.example.net with ESMTP id 1" + Date,
            "2001:db8::1",
            true)
        {
            Helo = "mail6.example.org", ReverseDnsName = "mail6.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Nested comments"] = new(
            "from helo.example.org (rdns.example.org [198.51.100.9] (comment (nested [192.0.2.9]) text)) "
                + "by mx.example.net (Postfix (with nested)) with ESMTP id X" + Date,
            "198.51.100.9",
            true)
        {
            Helo = "helo.example.org", ReverseDnsName = "rdns.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Parenthesis in HELO"] = new(
            "from bad(helo (rdns.example.org [198.51.100.10]) by mx.example.net (Postfix) with ESMTP id X" + Date,
            "198.51.100.10",
            true)
        {
            Helo = "bad(helo", ReverseDnsName = "rdns.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Parenthesis in qmail HELO"] = new(
            "from unknown (HELO x)) (198.51.100.11) by mx.example.net with SMTP" + Date,
            "198.51.100.11",
            true)
        {
            Helo = "x)", ReceivingHost = "mx.example.net", Protocol = "SMTP",
        },
        ["Parenthesis in Exim HELO"] = new(
            "from [198.51.100.12] (helo=evil)x) by mx.example.net with esmtp (Exim 4.96) id 1" + Date,
            "198.51.100.12",
            true)
        {
            Helo = "evil)x", ReceivingHost = "mx.example.net", Protocol = "esmtp",
        },
        ["Bracket in HELO"] = new(
            "from [evil (rdns.example.org [198.51.100.14]) by mx.example.net (Postfix) with ESMTP id X" + Date,
            "198.51.100.14",
            true)
        {
            Helo = "[evil", ReverseDnsName = "rdns.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Upper-case keywords"] = new(
            "FROM mail.example.org (mail.example.org [198.51.100.13]) BY mx.example.net WITH ESMTP ID 1" + Date,
            "198.51.100.13",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["No date"] = new(
            "from mail.example.org (mail.example.org [198.51.100.15]) by mx.example.net with ESMTP id X",
            "198.51.100.15",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
            Protocol = "ESMTP",
        },
        ["Unclosed text after with"] = new(
            "from mail.example.org ([198.51.100.26]) by mx.example.net with ESMTP id X for <unclosed@example.net"
                + Date,
            "198.51.100.26",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "mx.example.net", Protocol = "ESMTP",
        },
        ["Same address twice"] = new(
            "from mail.example.org (198.51.100.27 [198.51.100.27]) by mx.example.net with ESMTP id X" + Date,
            "198.51.100.27",
            true)
        {
            Helo = "mail.example.org", ReceivingHost = "mx.example.net", Protocol = "ESMTP",
        },
        ["No with clause"] = new(
            "from mail.example.org (mail.example.org [198.51.100.28]) by mx.example.net id X" + Date,
            "198.51.100.28",
            true)
        {
            Helo = "mail.example.org", ReverseDnsName = "mail.example.org", ReceivingHost = "mx.example.net",
        },
    };

    public static IReadOnlyDictionary<string, string?> Unparseable { get; } = new Dictionary<string, string?>
    {
        ["null"] = null,
        ["empty"] = string.Empty,
        ["whitespace"] = " \r\n\t",
        ["plain text"] = "garbage text here",
        ["date only"] = "; Tue, 5 Mar 2024 10:11:12 +0000",
        ["comment only"] = "(some comment)" + Date,
        ["from alone"] = "from" + Date,
        ["no address"] = "from mail.example.org by mx.example.net with ESMTP id X" + Date,
        ["bare IP HELO only"] = "from 198.51.100.20 by mx.example.net with ESMTP id X" + Date,
        ["bracketed HELO only with qmail comment"] = "from [10.1.1.1] (HELO [10.1.1.1]) by mx.example.net with SMTP" + Date,
        ["Exim HELO literal only"] =
            "from host.example.org (helo=[198.51.100.21]) by mx.example.net with esmtp (Exim 4.96) id X" + Date,
        ["HELO literal with unknown comment"] =
            "from [198.51.100.29] (may be forged) by mx.example.net with ESMTP id X" + Date,
        ["unclosed comment"] = "from mail.example.org (mail.example.org [198.51.100.22]" + Date,
        ["unclosed leading comment"] = "(qmail 12345 invoked by uid 89" + Date,
        ["unclosed bracket token"] = "from mail.example.org [198.51.100.30 by mx.example.net with ESMTP" + Date,
        ["two addresses"] = "from mail.example.org ([198.51.100.23] [198.51.100.24]) by mx.example.net with ESMTP" + Date,
        ["invalid literal"] = "from mail.example.org (rdns.example.org [300.1.2.3]) by mx.example.net with ESMTP" + Date,
        ["unclosed literal in comment"] = "from mail.example.org (rdns [198.51.100.25) by mx.example.net with ESMTP" + Date,
        ["garbage literal"] = "from mail.example.org (rdns.example.org [garbage]) by mx.example.net with ESMTP" + Date,
        ["starts with unknown word"] = "received mail.example.org ([198.51.100.31]) by mx.example.net" + Date,
        ["over-long"] = "from mail.example.org ([198.51.100.32]) by mx.example.net with ESMTP id "
            + new string('x', 5000) + Date,
        ["non-ASCII address"] = "from mail.example.org ([\uff11\uff19\uff18.51.100.33]) by mx.example.net with ESMTP" + Date,
    };
}
