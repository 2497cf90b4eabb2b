using System.Collections.Generic;
using Microsoft.Exchange.Data.Transport;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>One envelope recipient.</summary>
public sealed class FakeEnvelopeRecipient : EnvelopeRecipient
{
    public FakeEnvelopeRecipient(string address)
    {
        Address = new RoutingAddress(address);
    }

    public override RoutingAddress Address { get; set; }

    public override IDictionary<string, object> Properties { get; } = new Dictionary<string, object>();
}
