using System.Collections.Generic;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The SPF record chosen from one TXT answer (RFC 7208 §4.5), parsed and checked, or why none could be chosen.
/// </summary>
/// <remarks>
/// A selection depends only on the answer's strings, so <see cref="DnsLookupResult"/> keeps it beside them: a
/// cached answer is then parsed once for all the evaluations that read it, and it lives only as long as the answer.
/// </remarks>
internal sealed class RecordSelection
{
    private RecordSelection(SpfRecord? record, int candidateCount, string? candidateText, string? parseError)
    {
        Record = record;
        CandidateCount = candidateCount;
        CandidateText = candidateText;
        ParseError = parseError;
    }

    /// <summary>The one valid SPF record, or null.</summary>
    public SpfRecord? Record { get; }

    /// <summary>The number of strings that start with the version tag.</summary>
    public int CandidateCount { get; }

    /// <summary>The text of the single candidate, when there is exactly one; else null.</summary>
    public string? CandidateText { get; }

    /// <summary>Why the single candidate is not a valid record, or null.</summary>
    public string? ParseError { get; }

    public static RecordSelection Select(IReadOnlyList<string> strings)
    {
        // RFC 7208 §4.5: records that do not start with the version tag are discarded.
        string? candidate = null;
        int count = 0;
        for (int index = 0; index < strings.Count; index++)
        {
            if (SpfRecord.HasVersionTag(strings[index]))
            {
                candidate = strings[index];
                count++;
            }
        }

        if (count != 1)
        {
            return new RecordSelection(null, count, null, null);
        }

        return SpfRecord.TryParse(candidate!, out SpfRecord? record, out string error)
            ? new RecordSelection(record, 1, candidate, null)
            : new RecordSelection(null, 1, candidate, error);
    }
}
