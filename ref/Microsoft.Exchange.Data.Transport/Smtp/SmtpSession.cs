using System.Collections.Generic;
using System.Net;

namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>One SMTP connection as the receiving server sees it.</summary>
public abstract class SmtpSession
{
#if TEST_RUNTIME
    protected SmtpSession()
    {
    }
#else
    internal SmtpSession()
    {
    }
#endif

    public abstract string HelloDomain { get; }

    public abstract IPEndPoint LocalEndPoint { get; }

    public abstract IPEndPoint RemoteEndPoint { get; }

    public abstract IDictionary<string, object> Properties { get; }

    public abstract long SessionId { get; }

    public abstract bool IsConnected { get; }

    public abstract IPAddress LastExternalIPAddress { get; }

    public abstract AuthenticationSource AuthenticationSource { get; }

    public abstract bool AntispamBypass { get; }

    public abstract bool IsExternalConnection { get; }

    public abstract bool IsTls { get; }
}
