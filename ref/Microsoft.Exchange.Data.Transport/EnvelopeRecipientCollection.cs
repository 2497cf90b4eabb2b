using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>The envelope recipients of a message, which an agent may remove.</summary>
[System.Reflection.DefaultMember("Item")]
public abstract class EnvelopeRecipientCollection : ReadOnlyEnvelopeRecipientCollection
{
#if TEST_RUNTIME
    protected EnvelopeRecipientCollection()
    {
    }
#else
    internal EnvelopeRecipientCollection()
    {
    }
#endif

    public abstract void Clear();

    public abstract bool Remove(EnvelopeRecipient recipient);

    public abstract int Remove(RoutingAddress address);

    /// <summary>Enumerates the recipients; changing the collection invalidates it.</summary>
    public struct Enumerator : IEnumerator<EnvelopeRecipient>
    {
#if TEST_RUNTIME
        private readonly ReadOnlyEnvelopeRecipientCollection _collection;
        private readonly int _version;
        private int _index;

        public Enumerator(ReadOnlyEnvelopeRecipientCollection collection)
        {
            _collection = collection;
            _version = collection.TestVersion;
            _index = -1;
        }

        public EnvelopeRecipient Current => _collection[_index];

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_collection.TestVersion != _version)
            {
                throw new InvalidOperationException("The recipient collection changed during enumeration.");
            }

            _index++;
            return _index < _collection.Count;
        }

        public void Reset() => _index = -1;

        public void Dispose()
        {
        }
#else
        public EnvelopeRecipient Current => throw ContractStub.NotAvailable();

        object IEnumerator.Current => throw ContractStub.NotAvailable();

        public bool MoveNext() => throw ContractStub.NotAvailable();

        public void Reset() => throw ContractStub.NotAvailable();

        public void Dispose() => throw ContractStub.NotAvailable();
#endif
    }
}
