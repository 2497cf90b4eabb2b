using System;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>The base of every transport agent.</summary>
public abstract class Agent
{
    protected Agent()
    {
    }

#if TEST_RUNTIME
    /// <summary>Test hook: the event dispatcher's source of async contexts for the current event.</summary>
    public Func<AgentAsyncContext> TestAsyncContextProvider { get; set; }

    protected internal string Name { get; internal set; } = "agent";

    protected internal string EventTopic { get; internal set; } = string.Empty;

    protected AgentAsyncContext GetAgentAsyncContext()
    {
        Func<AgentAsyncContext> provider = TestAsyncContextProvider
            ?? throw new InvalidOperationException("GetAgentAsyncContext was called outside an event invocation.");
        return provider();
    }
#else
    protected internal string Name => throw ContractStub.NotAvailable();

    protected internal string EventTopic => throw ContractStub.NotAvailable();

    protected AgentAsyncContext GetAgentAsyncContext() => throw ContractStub.NotAvailable();
#endif
}
