using System;
using System.Linq;
using ExchangeSpfAgent.Logging;
using Xunit;

namespace ExchangeSpfAgent.Tests.Logging;

public sealed class EventLogWriterTests
{
    private readonly RecordingEventLogSink _sink = new();
    private DateTime _now = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EntriesPassUnderLimit()
    {
        EventLogWriter writer = Create();

        writer.Write(EventLogSeverity.Error, 2000, "configuration error");

        RecordingEventLogSink.Entry entry = Assert.Single(_sink.Entries);
        Assert.Equal(EventLogSeverity.Error, entry.Severity);
        Assert.Equal(2000, entry.EventId);
        Assert.Equal("configuration error", entry.Message);
    }

    [Fact]
    public void RepeatsAreRateLimited()
    {
        EventLogWriter writer = Create();

        for (int index = 0; index < 50; index++)
        {
            writer.Write(EventLogSeverity.Error, 3000, "failure " + index);
        }

        Assert.Equal(EventLogWriter.MaxEntriesPerWindow, _sink.Entries.Count);
    }

    [Fact]
    public void LimitIsPerEventId()
    {
        EventLogWriter writer = Create();

        for (int index = 0; index < 10; index++)
        {
            writer.Write(EventLogSeverity.Error, 3000, "failure");
            writer.Write(EventLogSeverity.Warning, 2001, "reload");
        }

        Assert.Equal(EventLogWriter.MaxEntriesPerWindow, _sink.Entries.Count(e => e.EventId == 3000));
        Assert.Equal(EventLogWriter.MaxEntriesPerWindow, _sink.Entries.Count(e => e.EventId == 2001));
    }

    [Fact]
    public void NextWindowReportsSuppressed()
    {
        EventLogWriter writer = Create();
        for (int index = 0; index < 8; index++)
        {
            writer.Write(EventLogSeverity.Error, 3000, "failure");
        }

        _now += EventLogWriter.Window;
        writer.Write(EventLogSeverity.Error, 3000, "failure again");

        RecordingEventLogSink.Entry report = _sink.Entries[EventLogWriter.MaxEntriesPerWindow];
        Assert.Equal(AgentEventIds.EntriesSuppressed, report.EventId);
        Assert.Contains("3 entries with event id 3000", report.Message, StringComparison.Ordinal);
        Assert.Equal("failure again", _sink.Entries.Last().Message);
    }

    [Fact]
    public void DisabledWriterWritesNothing()
    {
        EventLogWriter writer = Create();
        writer.Enabled = false;

        writer.Write(EventLogSeverity.Error, 2000, "configuration error");

        Assert.Empty(_sink.Entries);
    }

    [Fact]
    public void FailingSinkIsNotRetried()
    {
        var failing = new RecordingEventLogSink(accept: false);
        var writer = new EventLogWriter(failing, () => _now);

        writer.Write(EventLogSeverity.Error, 2000, "first");
        writer.Write(EventLogSeverity.Error, 2001, "second");

        Assert.Equal(1, failing.Attempts);
        Assert.False(writer.IsAvailable);
    }

    [Fact]
    public void ExceptionEntryHasStackTrace()
    {
        EventLogWriter writer = Create();

        writer.WriteException(3000, "Unexpected error.", new InvalidOperationException("boom"));

        Assert.Contains("System.InvalidOperationException: boom", Assert.Single(_sink.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlatformWriterIsNoOpOffWindows()
    {
        EventLogWriter writer = EventLogWriter.Create();

        writer.Write(EventLogSeverity.Information, AgentEventIds.Started, "started");

        // On Windows the entry may or may not be written, depending on the event source; writing must not throw.
        if (Environment.OSVersion.Platform != PlatformID.Win32NT)
        {
            Assert.False(writer.IsAvailable);
        }
    }

    private EventLogWriter Create() => new(_sink, () => _now);
}
