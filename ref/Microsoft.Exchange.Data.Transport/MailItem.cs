using System.Collections.Generic;
using System.IO;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>The envelope and content of one message in transport.</summary>
public abstract class MailItem
{
#if TEST_RUNTIME
    protected MailItem()
    {
    }
#else
    internal MailItem()
    {
    }
#endif

    public abstract RoutingAddress FromAddress { get; set; }

    public abstract string EnvelopeId { get; set; }

    public abstract IDictionary<string, object> Properties { get; }

    public abstract EnvelopeRecipientCollection Recipients { get; }

    public abstract Stream GetMimeReadStream();

    public abstract Stream GetMimeWriteStream();
}
