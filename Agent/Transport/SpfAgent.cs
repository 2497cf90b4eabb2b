using System;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Configuration;
using ExchangeSpfAgent.Policy;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Transport;

/// <summary>
/// The SMTP receive agent of one session. It handles OnEndOfHeaders only, never opens the body,
/// and never lets an exception reach Exchange: any failure accepts the message.
/// </summary>
public sealed class SpfAgent : SmtpReceiveAgent
{
    // The pipeline enforces the evaluation budget itself; this only stops a stuck check from
    // holding the SMTP session forever.
    private static readonly TimeSpan s_budgetGrace = TimeSpan.FromSeconds(10);

    private readonly AgentServices _services;
    private readonly string _serverName;

    internal SpfAgent(AgentServices services, string serverName)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _serverName = string.IsNullOrEmpty(serverName) ? "localhost" : serverName;
        OnEndOfHeaders += HandleEndOfHeaders;
    }

    private void HandleEndOfHeaders(ReceiveMessageEventSource source, EndOfHeadersEventArgs e)
    {
        AgentAsyncContext? context = null;
#pragma warning disable CA1031 // Exchange catches almost nothing from an agent: an escaping exception can stop transport.
        try
        {
            AgentSettings? settings = _services.Settings;
            if (settings is null)
            {
                _services.Logger.Warn("No valid configuration: message accepted without an SPF check (pass-through mode).");
                return;
            }

            MessageContext message = ExchangeMessage.Read(e, settings, _serverName);
            context = GetAgentAsyncContext();
            AgentAsyncContext owned = context;

            // The check runs on the thread pool, so DNS never blocks a transport thread. From here the
            // task owns the context and completes it exactly once.
            _ = Task.Run(() => CheckAndApplyAsync(owned, source, e, message, settings));
            context = null;
        }
        catch (Exception exception)
        {
            _services.ReportUnexpected(exception, "Unexpected error at end of headers; the message is accepted.");
        }
        finally
        {
            context?.Complete();
        }
#pragma warning restore CA1031
    }

    private async Task CheckAndApplyAsync(
        AgentAsyncContext context,
        ReceiveMessageEventSource source,
        EndOfHeadersEventArgs e,
        MessageContext message,
        AgentSettings settings)
    {
        MessageDecision? decision = null;
#pragma warning disable CA1031 // The agent boundary: every failure is logged and the message accepted.
        try
        {
            using var timeout = new CancellationTokenSource(settings.Evaluation.TimeBudget + s_budgetGrace);
            decision = await _services.CheckerFor(settings).CheckAsync(message, settings, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _services.ReportUnexpected(exception, $"SPF check failed in session {message.SessionId:X16}; the message is accepted.");
        }

        try
        {
            // Exchange requires Resume first on the callback thread, before the event is touched.
            context.Resume();
            if (decision != null)
            {
                VerdictApplier.Apply(decision, source, e);
                _services.DecisionLog.Write(decision.Record);
                _services.Logger.Info(
                    "Session {SessionId} message {MessageId}: {Result} for {Identity}, action {Action}. {Reason}",
                    decision.Record.SessionId,
                    decision.Record.MessageId,
                    decision.Record.Result,
                    decision.Record.Identity,
                    decision.Action,
                    decision.Record.Reason);
            }
        }
        catch (Exception exception)
        {
            _services.ReportUnexpected(exception, $"Applying the SPF decision failed in session {message.SessionId:X16}; the message is accepted.");
        }
        finally
        {
            context.Complete();
        }
#pragma warning restore CA1031
    }
}
