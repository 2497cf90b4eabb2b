using System;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>The transport server that hosts the agent.</summary>
public abstract class SmtpServer
{
#if TEST_RUNTIME
    protected SmtpServer()
    {
    }
#else
    internal SmtpServer()
    {
    }
#endif

    public abstract string Name { get; }

    public abstract Version Version { get; }
}
