namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>The base of the objects through which an agent acts on an SMTP event.</summary>
public abstract class ReceiveEventSource
{
#if TEST_RUNTIME
    protected ReceiveEventSource()
    {
    }
#else
    internal ReceiveEventSource()
    {
    }
#endif
}
