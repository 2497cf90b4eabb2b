using System.Collections.Generic;
using System.Linq;
using Microsoft.Exchange.Data.Transport;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// The recipients of a mail item. Removing one while enumerating fails, as it does in Exchange.
/// </summary>
public sealed class FakeEnvelopeRecipientCollection : EnvelopeRecipientCollection
{
    private readonly List<EnvelopeRecipient> _recipients = new();
    private int _version;

    public FakeEnvelopeRecipientCollection(IEnumerable<string> addresses)
    {
        _recipients.AddRange(addresses.Select(a => new FakeEnvelopeRecipient(a)));
    }

    public EventAccessGuard? Guard { get; set; }

    public List<string> Removed { get; } = new();

    public override int TestVersion => _version;

    public override int Count
    {
        get
        {
            Guard?.Check();
            return _recipients.Count;
        }
    }

    public override EnvelopeRecipient this[int index]
    {
        get
        {
            Guard?.Check();
            return _recipients[index];
        }
    }

    public override bool Contains(RoutingAddress address)
    {
        Guard?.Check();
        return _recipients.Any(r => r.Address == address);
    }

    public override Enumerator GetEnumerator()
    {
        Guard?.Check();
        return new Enumerator(this);
    }

    public override void Clear()
    {
        Guard?.Check();
        Removed.AddRange(_recipients.Select(r => r.Address.ToString()));
        _recipients.Clear();
        _version++;
    }

    public override bool Remove(EnvelopeRecipient recipient)
    {
        Guard?.Check();
        if (!_recipients.Remove(recipient))
        {
            return false;
        }

        Removed.Add(recipient.Address.ToString());
        _version++;
        return true;
    }

    public override int Remove(RoutingAddress address)
    {
        Guard?.Check();
        List<EnvelopeRecipient> matches = _recipients.Where(r => r.Address == address).ToList();
        foreach (EnvelopeRecipient recipient in matches)
        {
            Remove(recipient);
        }

        return matches.Count;
    }
}
