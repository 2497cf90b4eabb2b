using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// Writes start-up, configuration errors and unexpected exceptions to the Windows Application event log, at most
/// <see cref="MaxEntriesPerWindow"/> entries per event id in each <see cref="Window"/>.
/// </summary>
/// <remarks>
/// Where no event log exists (Linux, Mono, the .NET build) every call does nothing. Entries over the limit are
/// counted, and the next entry of that id after the window reports how many were dropped. No member throws, and
/// all members are thread-safe.
/// </remarks>
public sealed class EventLogWriter
{
    /// <summary>The number of entries of one event id written per <see cref="Window"/>.</summary>
    public const int MaxEntriesPerWindow = 5;

    /// <summary>The period of the rate limit.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly object _lock = new();
    private readonly Dictionary<int, RateWindow> _windows = new();
    private readonly Func<DateTime> _utcNow;
    private IEventLogSink? _sink;
    private volatile bool _enabled = true;

    internal EventLogWriter(IEventLogSink? sink, Func<DateTime> utcNow)
    {
        _sink = sink;
        _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
    }

    /// <summary>Creates the writer for this platform: the Application log on Windows, a no-op elsewhere.</summary>
    public static EventLogWriter Create() => new(WindowsEventLogSink.Create(), () => DateTime.UtcNow);

    /// <summary>Whether entries are written; follows the <c>Logging/EventLog</c> setting.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Whether a Windows event log exists and accepted every entry so far.</summary>
    public bool IsAvailable => Volatile.Read(ref _sink) is not null;

    /// <summary>Writes one entry unless the rate limit for <paramref name="eventId"/> is reached.</summary>
    public void Write(EventLogSeverity severity, int eventId, string message)
    {
        if (!_enabled || Volatile.Read(ref _sink) is null)
        {
            return;
        }

        int suppressed;
        lock (_lock)
        {
            DateTime now = _utcNow();
            if (!_windows.TryGetValue(eventId, out RateWindow? window) || now - window.Start >= Window)
            {
                suppressed = window?.Dropped ?? 0;
                window = new RateWindow(now);
                _windows[eventId] = window;
            }
            else
            {
                suppressed = 0;
            }

            if (window.Written >= MaxEntriesPerWindow)
            {
                window.Dropped++;
                return;
            }

            window.Written++;
        }

        if (suppressed > 0)
        {
            Send(
                EventLogSeverity.Warning,
                AgentEventIds.EntriesSuppressed,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} entries with event id {1} were not written because of the rate limit of {2} per {3} minutes; "
                        + "the diagnostic log has all of them.",
                    suppressed,
                    eventId,
                    MaxEntriesPerWindow,
                    Window.TotalMinutes));
        }

        Send(severity, eventId, message ?? string.Empty);
    }

    /// <summary>Writes an error entry with the exception's type, message and stack trace.</summary>
    public void WriteException(int eventId, string message, Exception exception) =>
        Write(EventLogSeverity.Error, eventId, message + Environment.NewLine + Environment.NewLine + exception);

    private void Send(EventLogSeverity severity, int eventId, string message)
    {
        IEventLogSink? sink = Volatile.Read(ref _sink);
        if (sink is not null && !sink.TryWrite(severity, eventId, message))
        {
            // A missing source or missing rights do not go away while the process runs.
            Volatile.Write(ref _sink, null);
        }
    }

    private sealed class RateWindow
    {
        public RateWindow(DateTime start)
        {
            Start = start;
        }

        public DateTime Start { get; }

        public int Written { get; set; }

        public int Dropped { get; set; }
    }
}
