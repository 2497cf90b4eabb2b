using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>
/// Reads RFC 1035 master files (zone files) as NSD and BIND serve them: <c>$ORIGIN</c>, <c>$TTL</c> (RFC 2308
/// §4), <c>@</c>, relative names, omitted owners, TTLs and classes in either order, parentheses and quoted strings
/// with escapes.
/// </summary>
/// <remarks>
/// The zone apex is the file name without <c>.zone</c> (<c>example.com.zone</c>, and <c>root.zone</c> for the
/// root), the convention of <c>scripts/start-dns</c>; a file with another name must begin with <c>$ORIGIN</c>.
/// <c>$INCLUDE</c> and <c>$GENERATE</c> are rejected. The file is read as octets, one char per octet, so TXT data
/// reaches the SPF engine exactly as a DNS server would send it.
/// </remarks>
public static class ZoneFileParser
{
    /// <summary>The file name extension that makes the file name the zone apex.</summary>
    public const string Extension = ".zone";

    private const string RootFileName = "root";

    /// <summary>Reads the zone file at <paramref name="path"/>.</summary>
    /// <exception cref="ZoneFileException">The file is not a valid master file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    public static ZoneFile Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        byte[] content = File.ReadAllBytes(path);
        return Parse(Encoding.GetEncoding("iso-8859-1").GetString(content), path, OriginFromFileName(path));
    }

    /// <summary>Reads master file text whose apex is <paramref name="origin"/>, or its first $ORIGIN when null.</summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file.</exception>
    public static ZoneFile Parse(string text, string filePath, string? origin)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var state = new ParserState(filePath, origin);
        var records = new List<ZoneRecord>();
        foreach (ZoneEntry entry in ZoneFileTokenizer.Tokenize(text, filePath))
        {
            try
            {
                ZoneRecord? record = ReadEntry(entry, state);
                if (record is not null)
                {
                    records.Add(record);
                }
            }
            catch (FormatException exception)
            {
                throw new ZoneFileException(filePath, entry.LineNumber, exception.Message);
            }
        }

        return Finish(filePath, state.Apex, records);
    }

    /// <summary>Returns the apex that the file name gives, or null when the name does not end in .zone.</summary>
    public static string? OriginFromFileName(string path)
    {
        string name = Path.GetFileName(path);
        if (!name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || name.Length == Extension.Length)
        {
            return null;
        }

        string origin = name.Substring(0, name.Length - Extension.Length).TrimEnd('.').ToLowerInvariant();
        return origin == RootFileName ? string.Empty : origin;
    }

    private static ZoneRecord? ReadEntry(ZoneEntry entry, ParserState state)
    {
        IReadOnlyList<ZoneToken> tokens = entry.Tokens;
        ZoneToken first = tokens[0];
        if (!entry.StartsWithBlank && !first.IsQuoted && first.Text.StartsWith("$", StringComparison.Ordinal))
        {
            ReadDirective(entry, state);
            return null;
        }

        int index = 0;
        string owner;
        if (entry.StartsWithBlank)
        {
            owner = state.LastOwner ?? throw new FormatException("The record has no owner name and no record precedes it.");
        }
        else
        {
            owner = ZoneText.ToAbsoluteName(first.Text, state.Origin);
            index = 1;
        }

        state.StartRecords();
        if (!ZoneText.IsAtOrBelow(owner, state.Apex!))
        {
            throw new FormatException($"The owner '{DisplayName(owner)}' is outside the zone {DisplayName(state.Apex!)}.");
        }

        state.LastOwner = owner;
        TimeSpan? timeToLive = null;
        while (index < tokens.Count && (timeToLive is null || IsClass(tokens[index].Text)))
        {
            string word = tokens[index].Text;
            if (IsClass(word))
            {
                if (!string.Equals(word, "IN", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"The class '{word}' is not supported; only IN is.");
                }

                index++;
            }
            else if (timeToLive is null && ZoneText.TryParseTimeToLive(word, out TimeSpan parsed))
            {
                timeToLive = parsed;
                index++;
            }
            else
            {
                break;
            }
        }

        if (index >= tokens.Count)
        {
            throw new FormatException("The record has no type.");
        }

        string typeName = tokens[index].Text.ToUpperInvariant();
        TimeSpan ttl = timeToLive ?? state.DefaultTimeToLive ?? state.LastTimeToLive
            ?? throw new FormatException("The record has no TTL and no $TTL line precedes it.");
        state.LastTimeToLive = ttl;
        var data = tokens.Skip(index + 1).ToList();
        return ZoneRecordReader.Read(owner, typeName, ttl, data, state.Origin, entry.LineNumber);
    }

    private static void ReadDirective(ZoneEntry entry, ParserState state)
    {
        string directive = entry.Tokens[0].Text.ToUpperInvariant();
        switch (directive)
        {
            case "$ORIGIN":
                RequireArguments(entry, 1);
                state.SetOrigin(ZoneText.ToAbsoluteName(entry.Tokens[1].Text, state.Origin));
                break;
            case "$TTL":
                RequireArguments(entry, 1);
                if (!ZoneText.TryParseTimeToLive(entry.Tokens[1].Text, out TimeSpan ttl))
                {
                    throw new FormatException($"'{entry.Tokens[1].Text}' is not a TTL; write seconds, or units such as 1h.");
                }

                state.DefaultTimeToLive = ttl;
                break;
            case "$INCLUDE":
            case "$GENERATE":
                throw new FormatException($"{directive} is not supported; put the records into this file.");
            default:
                throw new FormatException($"'{entry.Tokens[0].Text}' is not a directive; use $ORIGIN or $TTL.");
        }
    }

    private static void RequireArguments(ZoneEntry entry, int count)
    {
        if (entry.Tokens.Count != count + 1)
        {
            throw new FormatException($"{entry.Tokens[0].Text} takes {count} argument.");
        }
    }

    private static ZoneFile Finish(string filePath, string? apex, List<ZoneRecord> records)
    {
        if (apex is null)
        {
            throw new ZoneFileException(filePath, 0, "The file has no records and no $ORIGIN line.");
        }

        List<ZoneRecord> soa = records.Where(r => r.Type == ZoneRecordType.Soa).ToList();
        if (soa.Count != 1 || soa[0].Name != apex)
        {
            int line = 0;
            if (soa.Count > 0)
            {
                line = soa[soa.Count > 1 ? 1 : 0].LineNumber;
            }

            throw new ZoneFileException(
                filePath, line, $"The zone {DisplayName(apex)} needs exactly one SOA record, at its apex.");
        }

        TimeSpan negative = soa[0].SoaMinimum < soa[0].TimeToLive ? soa[0].SoaMinimum : soa[0].TimeToLive;
        return new ZoneFile(filePath, apex, records, negative);
    }

    private static bool IsClass(string word) =>
        word.Equals("IN", StringComparison.OrdinalIgnoreCase)
        || word.Equals("CH", StringComparison.OrdinalIgnoreCase)
        || word.Equals("HS", StringComparison.OrdinalIgnoreCase)
        || word.Equals("CS", StringComparison.OrdinalIgnoreCase);

    internal static string DisplayName(string name) => name.Length == 0 ? "." : name + ".";

    private sealed class ParserState
    {
        private readonly string _filePath;

        public ParserState(string filePath, string? origin)
        {
            _filePath = filePath;
            Origin = origin;
            Apex = origin;
        }

        public string? Origin { get; private set; }

        /// <summary>The zone apex: the file name's origin, or the first $ORIGIN before any record.</summary>
        public string? Apex { get; private set; }

        public string? LastOwner { get; set; }

        public TimeSpan? DefaultTimeToLive { get; set; }

        public TimeSpan? LastTimeToLive { get; set; }

        public void SetOrigin(string origin)
        {
            Origin = origin;
            Apex ??= origin;
        }

        public void StartRecords()
        {
            if (Apex is null)
            {
                throw new FormatException(
                    $"The zone apex of {Path.GetFileName(_filePath)} is unknown: "
                        + "start the file with $ORIGIN or name it ORIGIN.zone.");
            }
        }
    }
}
