using System;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>Lets an agent finish an event on another thread: Resume first there, Complete once at the end.</summary>
public class AgentAsyncContext
{
#if TEST_RUNTIME
    protected AgentAsyncContext()
    {
    }

    public Exception AsyncException { get; set; }

    public virtual void Complete()
    {
    }

    public virtual void Resume()
    {
    }
#else
    internal AgentAsyncContext()
    {
    }

    public Exception AsyncException
    {
        get => throw ContractStub.NotAvailable();
        set => throw ContractStub.NotAvailable();
    }

    public virtual void Complete() => throw ContractStub.NotAvailable();

    public virtual void Resume() => throw ContractStub.NotAvailable();
#endif
}
