using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// One element of the configuration file with typed reads of its children; every read records the child's name,
/// so that <see cref="RejectUnknownChildren"/> can report misspelt elements instead of ignoring them.
/// </summary>
internal sealed class SettingsElement
{
    private static readonly string[] s_durationFormats = { @"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"d\.hh\:mm\:ss" };

    private readonly XElement _element;
    private readonly List<string> _known = new();

    public SettingsElement(XElement element, string path)
    {
        _element = element;
        Path = path;
        RejectAttributes(element, path);
    }

    /// <summary>The element's path below the root, such as <c>Origin/TrustedRelays</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Returns the child section, or null when the file leaves it out.</summary>
    public SettingsElement? Section(string name)
    {
        XElement? child = Child(name);
        if (child is null)
        {
            return null;
        }

        if (!child.HasElements && child.Value.Trim().Length > 0)
        {
            throw Error(child, "contains text, but it is a section of elements", child.Value.Trim(), "child elements only");
        }

        return new SettingsElement(child, ChildPath(name));
    }

    /// <summary>Returns the child's trimmed text, or null when the child is absent.</summary>
    public string? Text(string name) => Child(name) is { } child ? TextOf(child, ChildPath(name)) : null;

    /// <summary>
    /// Reads the child <paramref name="name"/> with <paramref name="parse"/>, or returns <paramref name="defaultValue"/>
    /// when it is absent. <paramref name="parse"/> returns false for invalid text, and the error message then quotes
    /// <paramref name="allowed"/>, the values the child accepts.
    /// </summary>
    public T Value<T>(string name, T defaultValue, TryParse<T> parse, string allowed)
    {
        XElement? child = Child(name);
        if (child is null)
        {
            return defaultValue;
        }

        string text = TextOf(child, ChildPath(name));
        if (!parse(text, out T value))
        {
            throw Error(child, "has an invalid value", text, allowed);
        }

        return value;
    }

    public bool Boolean(string name, bool defaultValue) =>
        Value(name, defaultValue, TryParseBoolean, "true or false");

    public int Integer(string name, int defaultValue, int minimum, int maximum)
    {
        string allowed = string.Format(
            CultureInfo.InvariantCulture, "a whole number from {0} to {1}", minimum, maximum);
        return Value(
            name,
            defaultValue,
            (string text, out int value) =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
                && value >= minimum
                && value <= maximum,
            allowed);
    }

    /// <summary>Reads a time span written as hh:mm:ss, hh:mm:ss.fff or d.hh:mm:ss.</summary>
    public TimeSpan Duration(string name, TimeSpan defaultValue, TimeSpan minimum, TimeSpan maximum)
    {
        string allowed = "a duration as hh:mm:ss from " + FormatDuration(minimum) + " to " + FormatDuration(maximum);
        return Value(
            name,
            defaultValue,
            (string text, out TimeSpan value) =>
                TimeSpan.TryParseExact(text, s_durationFormats, CultureInfo.InvariantCulture, out value)
                && value >= minimum
                && value <= maximum,
            allowed);
    }

    /// <summary>Reads an enumeration member by name, ignoring case; numbers are rejected.</summary>
    public TEnum Enumeration<TEnum>(string name, TEnum defaultValue)
        where TEnum : struct, Enum =>
        Value(name, defaultValue, TryParseEnum, "one of " + string.Join(", ", Enum.GetNames(typeof(TEnum))));

    /// <summary>
    /// Reads a list of <paramref name="itemName"/> elements, or returns null when the list element is absent;
    /// an empty list element gives an empty list.
    /// </summary>
    /// <param name="name">The name of the list element.</param>
    /// <param name="itemName">The name of each item element.</param>
    /// <param name="parse">Parses one item's text.</param>
    /// <param name="allowed">What an item may contain, for the error of an invalid item.</param>
    /// <param name="explain">
    /// Optional: returns why an item's text is invalid, which the error adds after <paramref name="allowed"/>.
    /// </param>
    public IReadOnlyList<T>? List<T>(
        string name,
        string itemName,
        TryParse<T> parse,
        string allowed,
        Func<string, string>? explain = null)
    {
        SettingsElement? list = Section(name);
        if (list is null)
        {
            return null;
        }

        var items = new List<T>();
        string itemPath = list.ChildPath(itemName);
        foreach (XElement item in list._element.Elements())
        {
            if (item.Name.LocalName != itemName || item.Name.NamespaceName.Length > 0)
            {
                throw Error(item, "is not allowed in <" + list.Path + ">", null, "<" + itemName + "> elements only");
            }

            RejectAttributes(item, itemPath);
            string text = TextOf(item, itemPath);
            if (!parse(text, out T value))
            {
                throw Error(item, "has an invalid value", text, explain is null ? allowed : allowed + ". " + explain(text));
            }

            items.Add(value);
        }

        list._known.Add(itemName);
        return items;
    }

    /// <summary>Throws for the first child element whose name no read asked for.</summary>
    public void RejectUnknownChildren()
    {
        foreach (XElement child in _element.Elements())
        {
            if (!_known.Contains(child.Name.LocalName) || child.Name.NamespaceName.Length > 0)
            {
                string where = Path.Length == 0 ? "the root element" : "<" + Path + ">";
                throw Error(
                    child,
                    "is not a known setting in " + where,
                    null,
                    _known.Count == 0 ? "no child elements" : "the elements " + string.Join(", ", _known));
            }
        }
    }

    /// <summary>Creates the error for this element.</summary>
    public ConfigurationException Error(
        string problem, string? value, string? allowed, Exception? innerException = null) =>
        new(problem, Path.Length == 0 ? null : Path, LineOf(_element), value, allowed, null, innerException);

    /// <summary>Creates the error for the child <paramref name="name"/>, or for this element when it is absent.</summary>
    public ConfigurationException ChildError(string name, string problem, string? value, string? allowed)
    {
        XElement? child = _element.Element(name);
        return child is null
            ? Error(problem, value, allowed)
            : new ConfigurationException(problem, ChildPath(name), LineOf(child), value, allowed);
    }

    internal static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static ConfigurationException Error(XElement element, string problem, string? value, string allowed)
    {
        var names = element.AncestorsAndSelf().Reverse().Skip(1).Select(e => e.Name.LocalName);
        return new ConfigurationException(problem, string.Join("/", names), LineOf(element), value, allowed);
    }

    private static void RejectAttributes(XElement element, string path)
    {
        XAttribute? attribute = element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration);
        if (attribute is not null)
        {
            throw new ConfigurationException(
                "has the attribute " + attribute.Name.LocalName + ", but settings are written as elements",
                path.Length == 0 ? null : path,
                LineOf(attribute),
                attribute.Value,
                "no attributes");
        }
    }

    private static string TextOf(XElement element, string path)
    {
        RejectAttributes(element, path);
        if (element.HasElements)
        {
            XElement first = element.Elements().First();
            throw Error(first, "is inside a setting that takes a value", null, "text only in <" + path + ">");
        }

        return element.Value.Trim();
    }

    private static bool TryParseBoolean(string text, out bool value)
    {
        value = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        return value || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        string? name = Enum.GetNames(typeof(TEnum)).FirstOrDefault(
            n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            value = default;
            return false;
        }

        value = (TEnum)Enum.Parse(typeof(TEnum), name);
        return true;
    }

    private static string FormatDuration(TimeSpan value)
    {
        string format = @"hh\:mm\:ss";
        if (value.Days > 0)
        {
            format = @"d\." + format;
        }
        else if (value.Milliseconds > 0)
        {
            format += @"\.fff";
        }

        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private XElement? Child(string name)
    {
        if (!_known.Contains(name))
        {
            _known.Add(name);
        }

        XElement[] matches = _element.Elements(name).ToArray();
        if (matches.Length > 1)
        {
            throw Error(matches[1], "appears more than once", null, "one <" + name + "> element");
        }

        return matches.Length == 1 ? matches[0] : null;
    }

    private string ChildPath(string name) => Path.Length == 0 ? name : Path + "/" + name;
}
