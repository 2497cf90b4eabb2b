using System.Collections.Generic;
using ExchangeSpfAgent.Logging;

namespace ExchangeSpfAgent.Tests.Logging;

/// <summary>An event log that keeps its entries in memory, or rejects them all.</summary>
internal sealed class RecordingEventLogSink : IEventLogSink
{
    private readonly bool _accept;

    public RecordingEventLogSink(bool accept = true)
    {
        _accept = accept;
    }

    public List<Entry> Entries { get; } = new();

    public int Attempts { get; private set; }

    public bool TryWrite(EventLogSeverity severity, int eventId, string message)
    {
        lock (Entries)
        {
            Attempts++;
            if (_accept)
            {
                Entries.Add(new Entry(severity, eventId, message));
            }

            return _accept;
        }
    }

    public sealed record Entry(EventLogSeverity Severity, int EventId, string Message);
}
