using System;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>The base of the arguments of SMTP receive events.</summary>
public abstract class ReceiveEventArgs : EventArgs
{
#if TEST_RUNTIME
    private readonly SmtpSession _smtpSession;

    protected ReceiveEventArgs(SmtpSession smtpSession)
    {
        _smtpSession = smtpSession;
    }

    /// <summary>Test hook: called before every read, to enforce the async-context rules.</summary>
    public Action TestAccessCheck { get; set; }

    public SmtpSession SmtpSession
    {
        get
        {
            TestAccessCheck?.Invoke();
            return _smtpSession;
        }
    }
#else
    internal ReceiveEventArgs()
    {
    }

    public SmtpSession SmtpSession => throw ContractStub.NotAvailable();
#endif
}
