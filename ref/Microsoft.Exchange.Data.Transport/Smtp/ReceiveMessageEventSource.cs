using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>Acts on the message at end of headers or end of data.</summary>
public abstract class ReceiveMessageEventSource : ReceiveEventSource
{
#if TEST_RUNTIME
    protected ReceiveMessageEventSource()
    {
    }
#else
    internal ReceiveMessageEventSource()
    {
    }
#endif

    public abstract void RejectMessage(SmtpResponse response);

    public abstract void RejectMessage(SmtpResponse response, string trackingContext);

    public abstract void DiscardMessage(SmtpResponse response, string trackingContext);

    public abstract void Quarantine(IEnumerable<EnvelopeRecipient> recipients, string quarantineReason);
}
