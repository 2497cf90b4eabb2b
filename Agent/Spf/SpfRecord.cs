using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A parsed and fully checked SPF record (RFC 7208 §4.5, §4.6).
/// </summary>
public sealed class SpfRecord
{
    internal SpfRecord(
        string text,
        IReadOnlyList<SpfMechanism> mechanisms,
        DomainSpec? redirect,
        DomainSpec? explanation)
    {
        Text = text;
        Mechanisms = mechanisms;
        RedirectTarget = redirect;
        ExplanationTarget = explanation;
        for (int index = 0; index < mechanisms.Count; index++)
        {
            HasAllMechanism |= mechanisms[index].Kind == SpfMechanismKind.All;
        }
    }

    /// <summary>The record text.</summary>
    public string Text { get; }

    /// <summary>The directives in the order they are evaluated.</summary>
    public IReadOnlyList<SpfMechanism> Mechanisms { get; }

    /// <summary>The domain-spec of the redirect modifier as written, or null.</summary>
    public string? Redirect => RedirectTarget?.Text;

    /// <summary>The domain-spec of the exp modifier as written, or null.</summary>
    public string? Explanation => ExplanationTarget?.Text;

    internal DomainSpec? RedirectTarget { get; }

    internal DomainSpec? ExplanationTarget { get; }

    /// <summary>True when a directive is "all", which makes redirect ignored (RFC 7208 §6.1).</summary>
    internal bool HasAllMechanism { get; }

    /// <summary>
    /// True when the text is an SPF version 1 record: "v=spf1", ignoring case, alone or followed by a space.
    /// </summary>
    // RFC 7208 §4.5: records that do not begin with exactly "v=spf1" and then a space or the end are discarded.
    public static bool HasVersionTag(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return text.Length >= SpfRecordParser.VersionTag.Length
            && string.Compare(text, 0, SpfRecordParser.VersionTag, 0, SpfRecordParser.VersionTag.Length,
                StringComparison.OrdinalIgnoreCase) == 0
            && (text.Length == SpfRecordParser.VersionTag.Length || text[SpfRecordParser.VersionTag.Length] == ' ');
    }

    /// <summary>Parses a record and checks all of it; <paramref name="error"/> explains a rejection.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out SpfRecord? record, out string error)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return SpfRecordParser.TryParse(text, out record, out error);
    }

    /// <summary>Parses a record and checks all of it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The record has a syntax error, which check_host() reports as permerror.
    /// </exception>
    public static SpfRecord Parse(string text)
    {
        if (!TryParse(text, out SpfRecord? record, out string error))
        {
            throw new FormatException(error);
        }

        return record;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
