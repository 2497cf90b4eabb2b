using System;
using System.Collections.Generic;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The settings that <see cref="OriginSelector"/> applies.
/// </summary>
public sealed class OriginSelectorOptions
{
    /// <summary>
    /// Gets the sources to try, in order, when the peer is a trusted relay. The default is the
    /// origin header, then the <c>Received</c> headers.
    /// </summary>
    public IReadOnlyList<OriginSource> Sources { get; init; } = new[] { OriginSource.Header, OriginSource.ReceivedChain };

    /// <summary>
    /// Gets the relays whose origin header and <c>Received</c> lines are believed. Empty by default,
    /// which makes every peer the origin.
    /// </summary>
    public IPAddressRangeList TrustedRelays { get; init; } = IPAddressRangeList.Empty;

    /// <summary>Gets the networks whose addresses are not checked when they are the origin.</summary>
    public IPAddressRangeList SkipList { get; init; } = DefaultSkipList.Ranges;

    /// <summary>Gets which copy of the origin header counts when there are several.</summary>
    public OriginHeaderOccurrence HeaderOccurrence { get; init; } = OriginHeaderOccurrence.Single;

    /// <summary>Gets the name of the origin header, used only in the decision's reason.</summary>
    public string HeaderName { get; init; } = OriginHeaderParser.DefaultHeaderName;

    /// <summary>Checks the settings and throws when one is unusable.</summary>
    /// <exception cref="ArgumentException">A setting is null, repeated or out of range.</exception>
    internal void Validate()
    {
        if (Sources is null || TrustedRelays is null || SkipList is null || string.IsNullOrEmpty(HeaderName))
        {
            throw new ArgumentException(
                "The origin options need a source list, a trusted-relay list, a skip list and a header name.");
        }

        var seen = new HashSet<OriginSource>();
        foreach (OriginSource source in Sources)
        {
            if (!Enum.IsDefined(typeof(OriginSource), source))
            {
                throw new ArgumentException($"The origin source '{source}' is not one of Header, ReceivedChain "
                    + "or ExchangeLastExternal.");
            }

            if (!seen.Add(source))
            {
                throw new ArgumentException($"The origin source '{source}' is listed more than once.");
            }
        }

        if (!Enum.IsDefined(typeof(OriginHeaderOccurrence), HeaderOccurrence))
        {
            throw new ArgumentException($"The header occurrence rule '{HeaderOccurrence}' is not one of Single, "
                + "First or Last.");
        }
    }
}
