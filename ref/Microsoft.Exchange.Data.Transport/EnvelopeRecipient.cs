using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>One envelope recipient (RCPT TO) of a message.</summary>
public abstract class EnvelopeRecipient
{
#if TEST_RUNTIME
    protected EnvelopeRecipient()
    {
    }
#else
    internal EnvelopeRecipient()
    {
    }
#endif

    public abstract RoutingAddress Address { get; set; }

    public abstract IDictionary<string, object> Properties { get; }
}
