using Microsoft.Exchange.Data.Mime;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>The arguments of OnEndOfHeaders: the parsed headers and the mail item, no body yet.</summary>
public class EndOfHeadersEventArgs : ReceiveEventArgs
{
#if TEST_RUNTIME
    private readonly HeaderList _headers;
    private readonly MailItem _mailItem;

    public EndOfHeadersEventArgs(SmtpSession smtpSession, HeaderList headers, MailItem mailItem)
        : base(smtpSession)
    {
        _headers = headers;
        _mailItem = mailItem;
    }

    public HeaderList Headers
    {
        get
        {
            TestAccessCheck?.Invoke();
            return _headers;
        }
    }

    public MailItem MailItem
    {
        get
        {
            TestAccessCheck?.Invoke();
            return _mailItem;
        }
    }
#else
    internal EndOfHeadersEventArgs()
    {
    }

    public HeaderList Headers => throw ContractStub.NotAvailable();

    public MailItem MailItem => throw ContractStub.NotAvailable();
#endif
}
