using System;
using System.Threading.Tasks;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>An agent whose handler is a test's lambda, to show that the harness catches each broken rule.</summary>
public sealed class MisbehavingAgent : SmtpReceiveAgent
{
    private readonly Action<MisbehavingAgent, ReceiveMessageEventSource, EndOfHeadersEventArgs> _handler;

    public MisbehavingAgent(Action<MisbehavingAgent, ReceiveMessageEventSource, EndOfHeadersEventArgs> handler)
    {
        _handler = handler;
        OnEndOfHeaders += (source, e) => _handler(this, source, e);
    }

    public Microsoft.Exchange.Data.Transport.AgentAsyncContext TakeAsyncContext() => GetAgentAsyncContext();

    public void SubscribeAgain() => OnEndOfHeaders += (source, e) => { };

    /// <summary>Runs <paramref name="work"/> on a thread-pool thread, swallowing what it throws as an agent's catch-all would.</summary>
    public static void OnOtherThread(Action work) =>
        Task.Run(() =>
        {
#pragma warning disable CA1031
            try
            {
                work();
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        });
}
