using System;
using System.ComponentModel;
using System.Security;
#if NETFRAMEWORK
using System.Diagnostics;
#endif

namespace ExchangeSpfAgent.Logging;

/// <summary>
/// Writes to the Windows Application event log under the source <see cref="SourceName"/>, which the installation
/// script creates; the agent never creates it, because that needs administrative rights.
/// </summary>
/// <remarks>
/// Only the .NET Framework build writes; on .NET the event log classes are a separate package the agent does not
/// ship, and on other operating systems no event log exists, so there <see cref="Create"/> returns null.
/// </remarks>
internal sealed class WindowsEventLogSink : IEventLogSink
{
    /// <summary>The event source of the agent's entries.</summary>
    public const string SourceName = "ExchangeSpfAgent";

    // The event log rejects messages longer than 31,839 characters.
    private const int MaxMessageLength = 31_000;

    private WindowsEventLogSink()
    {
    }

    /// <summary>Returns a sink for this platform, or null where no Windows event log exists.</summary>
    public static IEventLogSink? Create()
    {
#if NETFRAMEWORK
        return Environment.OSVersion.Platform == PlatformID.Win32NT ? new WindowsEventLogSink() : null;
#else
        return null;
#endif
    }

    public bool TryWrite(EventLogSeverity severity, int eventId, string message)
    {
        string text = message.Length > MaxMessageLength ? message.Substring(0, MaxMessageLength) + "..." : message;
        try
        {
            Write(severity, eventId, text);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException
            or SecurityException or Win32Exception)
        {
            // The source is missing or the account may not write: the diagnostic log still has the entry.
            return false;
        }
    }

    private static void Write(EventLogSeverity severity, int eventId, string text)
    {
#if NETFRAMEWORK
        EventLogEntryType type = severity switch
        {
            EventLogSeverity.Error => EventLogEntryType.Error,
            EventLogSeverity.Warning => EventLogEntryType.Warning,
            _ => EventLogEntryType.Information,
        };
        EventLog.WriteEntry(SourceName, text, type, eventId);
#else
        _ = severity;
        _ = eventId;
        _ = text;
        throw new PlatformNotSupportedException("The Windows event log is written by the .NET Framework build only.");
#endif
    }
}
