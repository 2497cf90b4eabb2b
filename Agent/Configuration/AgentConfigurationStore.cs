using System;
using System.IO;
using System.Threading;
using NLog;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// Holds the configuration in force and reloads the file when it changes, without a service restart.
/// </summary>
/// <remarks>
/// <para>
/// At start-up a missing file gives the default settings and an invalid file gives pass-through mode. On reload a
/// valid file replaces the settings, while an invalid, unreadable or deleted file keeps the last good configuration,
/// so a half-saved edit never changes how mail is treated.
/// </para>
/// <para>
/// Changes are noticed by a file system watcher, debounced so that an editor's burst of writes is read once, and by
/// a periodic check, because watchers miss events on some file systems and network shares. Identical content is not
/// read twice. All members are thread-safe, and no exception escapes the watcher and timer threads.
/// </para>
/// </remarks>
public sealed class AgentConfigurationStore : IDisposable
{
    /// <summary>How long the store waits after the last change notification before it reads the file.</summary>
    public static readonly TimeSpan DefaultDebounceDelay = TimeSpan.FromSeconds(2);

    /// <summary>How often the store checks the file when no change notification arrives.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);

    private readonly object _reloadLock = new();
    private readonly TimeSpan _debounceDelay;
    private readonly TimeSpan _pollInterval;
    private readonly ConfigurationFileReader _reader;
    private ConfigurationState _current;
    private Logger? _logger;
    private FileSystemWatcher? _watcher;
    private Timer? _debounceTimer;
    private Timer? _pollTimer;
    private bool _disposed;

    /// <summary>
    /// Creates the store and loads <paramref name="path"/> once. A missing, invalid or unreadable file does not make
    /// it throw; <see cref="Current"/> then reports the defaults or pass-through mode.
    /// </summary>
    public AgentConfigurationStore(string path)
        : this(path, DefaultDebounceDelay, DefaultPollInterval)
    {
    }

    /// <summary>Creates the store with its own reload timing, and loads <paramref name="path"/> once.</summary>
    public AgentConfigurationStore(string path, TimeSpan debounceDelay, TimeSpan pollInterval)
    {
        if (debounceDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(debounceDelay), debounceDelay, "The delay must not be negative.");
        }

        if (pollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "The interval must be positive.");
        }

        Path = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        _debounceDelay = debounceDelay;
        _pollInterval = pollInterval;
        _reader = new ConfigurationFileReader(Path);
        _current = _reader.ReadInitial();
    }

    /// <summary>The full path of the configuration file.</summary>
    public string Path { get; }

    /// <summary>The configuration in force.</summary>
    public ConfigurationState Current => Volatile.Read(ref _current);

    /// <summary>The settings in force, or null in pass-through mode.</summary>
    public AgentSettings? Settings => Current.Settings;

    /// <summary>
    /// Raised after a reload applied new settings, on the thread that noticed the change. Handlers run one at a time.
    /// </summary>
    public event EventHandler<ConfigurationChangedEventArgs>? Changed;

    /// <summary>
    /// Raised when a file is rejected: from <see cref="Start"/> for the initial file, then on each invalid reload.
    /// </summary>
    public event EventHandler<ConfigurationRejectedEventArgs>? Rejected;

    /// <summary>
    /// Logs the state of the initial load to <paramref name="logger"/>, the diagnostic log, and starts watching the
    /// file; from now on loads and rejections are logged.
    /// </summary>
    public void Start(Logger logger)
    {
        lock (_reloadLock)
        {
            ThrowIfDisposed();
            if (_logger is not null)
            {
                throw new InvalidOperationException("The configuration store is already started.");
            }

            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            Raise(Rejected, ConfigurationLog.Initial(logger, Path, _current, _reader.FileFound));
            _debounceTimer = new Timer(_ => ReloadFromTimer(), null, Timeout.Infinite, Timeout.Infinite);
            _pollTimer = new Timer(_ => ReloadFromTimer(), null, _pollInterval, _pollInterval);
            _watcher = CreateWatcher();
        }
    }

    /// <summary>Reads the file now and applies it if its content changed and is valid.</summary>
    /// <returns>True when new settings were applied.</returns>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return false;
            }

            ConfigurationState previous = _current;
            ConfigurationReadResult result = _reader.ReadChanged();
            ConfigurationState? next = ConfigurationLog.Reload(
                _logger, Path, previous, result, out ConfigurationRejectedEventArgs? rejected);
            Raise(Rejected, rejected);
            if (next is null)
            {
                return false;
            }

            Volatile.Write(ref _current, next);
            if (!ReferenceEquals(next.Settings, previous.Settings))
            {
                Raise(Changed, new ConfigurationChangedEventArgs(previous, next));
                return true;
            }

            return false;
        }
    }

    /// <summary>Stops watching the file; the current configuration stays readable.</summary>
    public void Dispose()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher?.Dispose();
            _debounceTimer?.Dispose();
            _pollTimer?.Dispose();
        }
    }

    private FileSystemWatcher? CreateWatcher()
    {
        string? directory = System.IO.Path.GetDirectoryName(Path);
        if (directory is null || !Directory.Exists(directory))
        {
            _logger?.Warn(
                "The folder of the configuration file {Path} does not exist; changes are found by the periodic check.",
                Path);
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size
                    | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => ScheduleReload();
            watcher.Created += (_, _) => ScheduleReload();
            watcher.Renamed += (_, _) => ScheduleReload();
            watcher.Deleted += (_, _) => ScheduleReload();
            watcher.Error += (_, _) => ScheduleReload();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            _logger?.Warn(
                exception,
                "Cannot watch the configuration file {Path}; changes are found by the periodic check.",
                Path);
            return null;
        }
    }

    private void ScheduleReload()
    {
        lock (_reloadLock)
        {
            if (!_disposed)
            {
                _debounceTimer?.Change(_debounceDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ReloadFromTimer()
    {
        // A timer thread is a boundary: an exception escaping it would end the Exchange worker process.
#pragma warning disable CA1031
        try
        {
            Reload();
        }
        catch (Exception exception)
        {
            _logger?.Error(exception, "Unexpected error while reloading the configuration file {Path}.", Path);
        }
#pragma warning restore CA1031
    }

    private void Raise<TEventArgs>(EventHandler<TEventArgs>? handlers, TEventArgs? arguments)
        where TEventArgs : EventArgs
    {
        if (handlers is null || arguments is null)
        {
            return;
        }

        foreach (EventHandler<TEventArgs> handler in handlers.GetInvocationList())
        {
            // Each subscriber is isolated: one failing handler must not keep the others from the news.
#pragma warning disable CA1031
            try
            {
                handler(this, arguments);
            }
            catch (Exception exception)
            {
                _logger?.Error(exception, "A handler of a configuration event failed.");
            }
#pragma warning restore CA1031
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(AgentConfigurationStore));
        }
    }
}
