using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// Builds the <see cref="SpfTask{T}"/> of an async method: the result alone when the method never waited, else
/// the task of a standard <see cref="AsyncTaskMethodBuilder{TResult}"/>.
/// </summary>
/// <remarks>
/// The compiler calls these members, as for any task type of C#. The inner builder is used from the first await
/// that suspends, and it keeps the task from then on. Exceptions, cancellation included, always go through it, so
/// they surface as they would from an async <see cref="Task{TResult}"/> method.
/// </remarks>
internal struct SpfTaskMethodBuilder<T>
{
    private AsyncTaskMethodBuilder<T> _builder;
    private bool _suspended;
    private bool _hasResult;
    private T _result;

    public static SpfTaskMethodBuilder<T> Create() => default;

    public SpfTask<T> Task
    {
        get
        {
            if (_hasResult)
            {
                return new SpfTask<T>(_result);
            }

            return new SpfTask<T>(_builder.Task);
        }
    }

    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine =>
        _builder.Start(ref stateMachine);

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _builder.SetStateMachine(stateMachine);

    public void SetResult(T result)
    {
        if (_suspended)
        {
            _builder.SetResult(result);
            return;
        }

        _result = result;
        _hasResult = true;
    }

    public void SetException(Exception exception) => _builder.SetException(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        _suspended = true;
        _builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
    }

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        _suspended = true;
        _builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
    }
}
