using System;
using System.Collections.Generic;
using ExchangeSpfAgent.Origin;

namespace ExchangeSpfAgent.Configuration;

/// <summary>Binds the <c>Origin</c> element to <see cref="OriginSelectorOptions"/>.</summary>
internal static class OriginSettingsReader
{
    /// <summary>What a range element accepts, for error messages.</summary>
    public const string RangeSyntax = "an IP address or a network in CIDR notation, such as 192.0.2.10 or 2001:db8::/32";

    public static OriginSelectorOptions Read(SettingsElement? section)
    {
        var defaults = new OriginSelectorOptions();
        if (section is null)
        {
            return defaults;
        }

        IReadOnlyList<OriginSource>? sources = section.List<OriginSource>(
            "Sources",
            "Source",
            TryParseSource,
            "one of " + string.Join(", ", Enum.GetNames(typeof(OriginSource))));
        if (sources is not null)
        {
            CheckSources(section, sources);
        }

        var options = new OriginSelectorOptions
        {
            Sources = sources ?? defaults.Sources,
            TrustedRelays = ReadRanges(section, "TrustedRelays") ?? defaults.TrustedRelays,
            SkipList = ReadRanges(section, "SkipList") ?? defaults.SkipList,
            HeaderName = section.Value(
                "HeaderName",
                defaults.HeaderName,
                SettingsSyntax.TryParseHeaderName,
                "a header field name of printable ASCII characters without a colon or spaces, such as X-Origin-IP"),
            HeaderOccurrence = section.Enumeration("HeaderOccurrence", defaults.HeaderOccurrence),
        };

        section.RejectUnknownChildren();
        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw section.Error("is inconsistent: " + exception.Message, null, null, exception);
        }

        return options;
    }

    /// <summary>Reads a list of <c>Range</c> elements, or returns null when the list element is absent.</summary>
    /// <remarks>
    /// The error for an invalid range adds the parser's reason after the allowed forms, such as the network address
    /// to write for a range with host bits set.
    /// </remarks>
    public static IPAddressRangeList? ReadRanges(SettingsElement section, string name)
    {
        IReadOnlyList<IPAddressRange>? ranges = section.List<IPAddressRange>(
            name,
            "Range",
            (string text, out IPAddressRange value) =>
            {
                bool parsed = IPAddressRange.TryParse(text, out IPAddressRange? range);
                value = range!;
                return parsed;
            },
            RangeSyntax,
            text =>
            {
                IPAddressRange.TryParse(text, out _, out string? error);
                return (error ?? string.Empty).TrimEnd('.');
            });
        return ranges is null ? null : new IPAddressRangeList(ranges);
    }

    private static void CheckSources(SettingsElement section, IReadOnlyList<OriginSource> sources)
    {
        if (sources.Count == 0)
        {
            throw section.ChildError(
                "Sources",
                "is empty",
                null,
                "at least one <Source> element: Header, ReceivedChain or ExchangeLastExternal");
        }

        var seen = new HashSet<OriginSource>();
        foreach (OriginSource source in sources)
        {
            if (!seen.Add(source))
            {
                throw section.ChildError(
                    "Sources", "lists a source more than once:", source.ToString(), "each source once");
            }
        }
    }

    private static bool TryParseSource(string text, out OriginSource source)
    {
        foreach (OriginSource candidate in (OriginSource[])Enum.GetValues(typeof(OriginSource)))
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }
}
