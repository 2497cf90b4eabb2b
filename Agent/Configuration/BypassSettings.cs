using System;
using System.Collections.Generic;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>What is never acted on; a bypassed message is still stamped.</summary>
public sealed class BypassSettings
{
    /// <summary>Origin IPs and networks whose mail is accepted whatever the SPF result.</summary>
    public IPAddressRangeList Origins { get; init; } = IPAddressRangeList.Empty;

    /// <summary>MAIL FROM domains whose mail is accepted whatever the SPF result; a subdomain does not match.</summary>
    public IReadOnlyList<string> SenderDomains { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Recipients who always get their mail. When a rejected message has bypassed and other
    /// recipients, only the others are removed.
    /// </summary>
    public IReadOnlyList<string> Recipients { get; init; } = Array.Empty<string>();
}
