namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>Creates one SMTP receive agent per SMTP session.</summary>
public abstract class SmtpReceiveAgentFactory : AgentFactory
{
    protected SmtpReceiveAgentFactory()
    {
    }

    public abstract SmtpReceiveAgent CreateAgent(SmtpServer server);
}
