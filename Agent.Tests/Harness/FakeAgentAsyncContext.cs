using System.Threading;
using Microsoft.Exchange.Data.Transport;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// An async context that enforces Exchange's contract: Resume first on the callback thread,
/// Complete exactly once.
/// </summary>
public sealed class FakeAgentAsyncContext : AgentAsyncContext
{
    private readonly TransportRuleViolations _violations;
    private readonly EventAccessGuard _guard;
    private readonly ManualResetEventSlim _completed = new(false);
    private int _completeCount;
    private int _resumeCount;

    public FakeAgentAsyncContext(TransportRuleViolations violations, EventAccessGuard guard)
    {
        _violations = violations;
        _guard = guard;
    }

    public int CompleteCount => Volatile.Read(ref _completeCount);

    public int ResumeCount => Volatile.Read(ref _resumeCount);

    public WaitHandle CompletedHandle => _completed.WaitHandle;

    public override void Resume()
    {
        if (CompleteCount > 0)
        {
            throw _violations.Record("Resume was called after Complete");
        }

        Interlocked.Increment(ref _resumeCount);
        _guard.Resumed();
    }

    public override void Complete()
    {
        if (Interlocked.Increment(ref _completeCount) > 1)
        {
            // Exchange throws and logs event 1056 for a second Complete.
            throw _violations.Record("Complete was called more than once");
        }

        _guard.Completed();
        _completed.Set();
    }
}
