using System.Collections.Generic;
using System.IO;
using Microsoft.Exchange.Data.Transport;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// The mail item at end of headers. Opening the body stream is a failure: the agent must never
/// read or buffer the body.
/// </summary>
public sealed class FakeMailItem : MailItem
{
    private readonly Dictionary<string, object> _properties = new();
    private readonly FakeEnvelopeRecipientCollection _recipients;
    private RoutingAddress _fromAddress;
    private string _envelopeId = string.Empty;

    public FakeMailItem(string mailFrom, params string[] recipients)
    {
        _fromAddress = mailFrom.Length == 0 ? RoutingAddress.NullReversePath : new RoutingAddress(mailFrom);
        _recipients = new FakeEnvelopeRecipientCollection(recipients.Length == 0 ? new[] { "user@example.org" } : recipients);
    }

    public TransportRuleViolations? Violations { get; set; }

    public EventAccessGuard? Guard { get; set; }

    public FakeEnvelopeRecipientCollection FakeRecipients => _recipients;

    public override RoutingAddress FromAddress
    {
        get
        {
            Guard?.Check();
            return _fromAddress;
        }

        set
        {
            Guard?.Check();
            _fromAddress = value;
        }
    }

    public override string EnvelopeId
    {
        get
        {
            Guard?.Check();
            return _envelopeId;
        }

        set
        {
            Guard?.Check();
            _envelopeId = value;
        }
    }

    public override IDictionary<string, object> Properties
    {
        get
        {
            Guard?.Check();
            return _properties;
        }
    }

    public override EnvelopeRecipientCollection Recipients
    {
        get
        {
            Guard?.Check();
            return _recipients;
        }
    }

    public override Stream GetMimeReadStream() => throw BodyOpened("GetMimeReadStream");

    public override Stream GetMimeWriteStream() => throw BodyOpened("GetMimeWriteStream");

    private System.Exception BodyOpened(string method) =>
        Violations?.Record($"{method} opened the message body") ?? new System.InvalidOperationException(method);
}
