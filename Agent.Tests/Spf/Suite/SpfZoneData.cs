using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ExchangeSpfAgent.Tests.Spf.Suite;

/// <summary>
/// The DNS data of one test scenario: for each name, its entries in the order the suite lists them.
/// Names compare without regard to case and a trailing dot.
/// </summary>
public sealed class SpfZoneData
{
    private readonly Dictionary<string, List<ZoneEntry>> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names that have entries.</summary>
    public IEnumerable<string> Names => _names.Keys;

    /// <summary>Adds an entry to a name and returns this instance, for chained set-up in tests.</summary>
    public SpfZoneData Add(string name, ZoneEntry entry)
    {
        string key = Normalize(name);
        if (!_names.TryGetValue(key, out List<ZoneEntry>? entries))
        {
            entries = new List<ZoneEntry>();
            _names.Add(key, entries);
        }

        entries.Add(entry);
        return this;
    }

    /// <summary>Adds a TXT record made of one or more character-strings.</summary>
    public SpfZoneData AddTxt(string name, params string[] strings) => Add(name, ZoneEntry.Record("TXT", strings));

    public SpfZoneData AddA(string name, string address) => Add(name, ZoneEntry.Record("A", address));

    public SpfZoneData AddAaaa(string name, string address) => Add(name, ZoneEntry.Record("AAAA", address));

    public SpfZoneData AddMx(string name, int preference, string exchange) =>
        Add(name, ZoneEntry.Record("MX", preference.ToString(CultureInfo.InvariantCulture), exchange));

    public SpfZoneData AddPtr(string name, string target) => Add(name, ZoneEntry.Record("PTR", target));

    public SpfZoneData AddCname(string name, string target) => Add(name, ZoneEntry.Record("CNAME", target));

    public SpfZoneData AddTimeout(string name) => Add(name, ZoneEntry.Timeout);

    /// <summary>True when the name appears in the zone data.</summary>
    public bool Contains(string name) => _names.ContainsKey(Normalize(name));

    /// <summary>
    /// Returns the entries of a name as the resolver uses them: SPF entries are copied to TXT entries at
    /// the end unless the name lists a TXT entry (or "TXT: NONE") itself.
    /// </summary>
    public IReadOnlyList<ZoneEntry> EffectiveEntries(string name)
    {
        if (!_names.TryGetValue(Normalize(name), out List<ZoneEntry>? entries))
        {
            return Array.Empty<ZoneEntry>();
        }

        if (entries.Any(entry => entry.Type == "TXT"))
        {
            return entries;
        }

        IEnumerable<ZoneEntry> copies = entries
            .Where(entry => entry.Type == "SPF" && !entry.IsNone)
            .Select(entry => ZoneEntry.Record("TXT", entry.Values.ToArray()));
        return entries.Concat(copies).ToList();
    }

    private static string Normalize(string name) =>
        name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
}
