namespace Microsoft.Exchange.Data.Transport;

/// <summary>The base of every transport agent factory; created once per transport process.</summary>
public abstract class AgentFactory
{
    protected AgentFactory()
    {
    }

#if TEST_RUNTIME
    public virtual void Close()
    {
    }
#else
    public virtual void Close() => throw ContractStub.NotAvailable();
#endif
}
