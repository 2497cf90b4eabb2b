using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// The engine's own task type: a result that is already known, or a <see cref="Task{TResult}"/> that will
/// produce it. An async method that completes without waiting, as an evaluation does when every answer is
/// cached, returns its result without allocating a task.
/// </summary>
/// <remarks>
/// <para>
/// .NET Framework 4.8 has no <c>ValueTask</c>; its package would add two DLLs to the Exchange worker process, so
/// the engine uses this type for its internal async methods. The public methods still return
/// <see cref="Task{TResult}"/>.
/// </para>
/// <para>
/// Await an instance once. Continuations never capture the synchronization context, as
/// <c>ConfigureAwait(false)</c> does, because the engine has no context to return to.
/// </para>
/// </remarks>
[AsyncMethodBuilder(typeof(SpfTaskMethodBuilder<>))]
internal readonly struct SpfTask<T>
{
    private readonly Task<T>? _task;
    private readonly T _result;

    /// <summary>Wraps a result that is already known.</summary>
    public SpfTask(T result)
    {
        _task = null;
        _result = result;
    }

    /// <summary>Wraps a task that produces the result.</summary>
    public SpfTask(Task<T> task)
    {
        _task = task ?? throw new ArgumentNullException(nameof(task));
        _result = default!;
    }

    /// <summary>True when the result is available without waiting.</summary>
    public bool IsCompleted => _task is null || _task.IsCompleted;

    /// <summary>Returns the result as a task, allocating one only when the result is already known.</summary>
    public Task<T> AsTask() => _task ?? Task.FromResult(_result);

    public Awaiter GetAwaiter() => new(this);

    /// <summary>The awaiter of <see cref="SpfTask{T}"/>; it continues without the synchronization context.</summary>
    public readonly struct Awaiter : ICriticalNotifyCompletion
    {
        private readonly SpfTask<T> _owner;

        public Awaiter(SpfTask<T> owner)
        {
            _owner = owner;
        }

        public bool IsCompleted => _owner.IsCompleted;

        public T GetResult() =>
            _owner._task is null ? _owner._result : _owner._task.ConfigureAwait(false).GetAwaiter().GetResult();

        // A known result is complete, so the state machine never waits for one. A caller that registers a
        // continuation anyway gets it through a completed task.
        public void OnCompleted(Action continuation) =>
            _owner.AsTask().ConfigureAwait(false).GetAwaiter().OnCompleted(continuation);

        public void UnsafeOnCompleted(Action continuation) =>
            _owner.AsTask().ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);
    }
}
