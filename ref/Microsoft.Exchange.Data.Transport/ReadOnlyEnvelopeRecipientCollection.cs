using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>The envelope recipients of a message.</summary>
public abstract class ReadOnlyEnvelopeRecipientCollection : IEnumerable<EnvelopeRecipient>
{
#if TEST_RUNTIME
    protected ReadOnlyEnvelopeRecipientCollection()
    {
    }

    /// <summary>Test hook: changes whenever the collection changes, so enumerators can detect it.</summary>
    public virtual int TestVersion => 0;
#else
    internal ReadOnlyEnvelopeRecipientCollection()
    {
    }
#endif

    public abstract int Count { get; }

    public abstract EnvelopeRecipient this[int index] { get; }

    public abstract bool Contains(RoutingAddress address);

    public abstract EnvelopeRecipientCollection.Enumerator GetEnumerator();

    IEnumerator<EnvelopeRecipient> IEnumerable<EnvelopeRecipient>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
