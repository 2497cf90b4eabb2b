using System;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>The base of agents that act on SMTP receive events; one instance serves one session.</summary>
public abstract class SmtpReceiveAgent : Agent
{
    protected SmtpReceiveAgent()
    {
    }

#if TEST_RUNTIME
    private EndOfHeadersEventHandler _onEndOfHeaders;

    // Exchange allows one subscription per event and agent instance; a second one throws.
    protected event EndOfHeadersEventHandler OnEndOfHeaders
    {
        add
        {
            if (_onEndOfHeaders != null)
            {
                throw new InvalidOperationException("OnEndOfHeaders already has a handler on this agent instance.");
            }

            _onEndOfHeaders = value;
        }

        remove
        {
            if (_onEndOfHeaders == value)
            {
                _onEndOfHeaders = null;
            }
        }
    }

    /// <summary>Test hook: true when the agent subscribed OnEndOfHeaders.</summary>
    public bool TestHasEndOfHeadersHandler => _onEndOfHeaders != null;

    /// <summary>Test hook: raises OnEndOfHeaders as the transport's event dispatcher would.</summary>
    public void TestRaiseEndOfHeaders(ReceiveMessageEventSource source, EndOfHeadersEventArgs e) =>
        _onEndOfHeaders?.Invoke(source, e);
#else
    protected event EndOfHeadersEventHandler OnEndOfHeaders
    {
        add => throw ContractStub.NotAvailable();
        remove => throw ContractStub.NotAvailable();
    }
#endif
}
