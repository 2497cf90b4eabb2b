using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

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

    private static bool TryParseDirective(
        string term,
        [NotNullWhen(true)] out SpfMechanism? mechanism,
        out string error)
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

        var directive = new DirectiveArguments(term, qualifier, kind, arguments);
        return MechanismParser.TryParse(directive, out mechanism, out error);
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
