using System.Threading;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// Decides which thread may touch the event arguments, session and mail item of one event.
/// </summary>
/// <remarks>
/// Exchange's rules: the dispatch thread may touch them while the handler runs; once the handler has
/// returned with an async context, only a thread that called <c>Resume</c> may, and nobody after
/// <c>Complete</c>.
/// </remarks>
public sealed class EventAccessGuard
{
    private readonly TransportRuleViolations _violations;
    private readonly object _lock = new();
    private int _dispatchThreadId;
    private int _resumedThreadId;
    private bool _handlerRunning;
    private bool _completed;
    private bool _inspecting;

    public EventAccessGuard(TransportRuleViolations violations)
    {
        _violations = violations;
    }

    public void BeginHandler()
    {
        lock (_lock)
        {
            _dispatchThreadId = Thread.CurrentThread.ManagedThreadId;
            _handlerRunning = true;
        }
    }

    public void EndHandler()
    {
        lock (_lock)
        {
            _handlerRunning = false;
        }
    }

    public void Resumed()
    {
        lock (_lock)
        {
            _resumedThreadId = Thread.CurrentThread.ManagedThreadId;
        }
    }

    public void Completed()
    {
        lock (_lock)
        {
            _completed = true;
        }
    }

    /// <summary>Ends the event: from now on the test itself reads the outcome, which is not checked.</summary>
    public void BeginInspection()
    {
        lock (_lock)
        {
            _inspecting = true;
        }
    }

    public void Check()
    {
        int thread = Thread.CurrentThread.ManagedThreadId;
        lock (_lock)
        {
            if (_inspecting)
            {
                return;
            }

            if (_completed)
            {
                throw _violations.Record("the event was touched after Complete");
            }

            bool onDispatchThread = _handlerRunning && thread == _dispatchThreadId;
            if (!onDispatchThread && thread != _resumedThreadId)
            {
                throw _violations.Record("the event was touched on a thread that did not call Resume first");
            }
        }
    }
}
