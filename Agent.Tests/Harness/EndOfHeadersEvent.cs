using System;
using System.Threading;
using Microsoft.Exchange.Data.Mime;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>
/// One OnEndOfHeaders event as Exchange dispatches it: session, headers and mail item, with the
/// rule checks wired in, and the outcome the agent produced.
/// </summary>
public sealed class EndOfHeadersEvent
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_afterCompleteGrace = TimeSpan.FromMilliseconds(20);

    public EndOfHeadersEvent(FakeSmtpSession session, string headerText, FakeMailItem mailItem)
    {
        Session = session;
        Headers = HeaderText.Parse(headerText);
        MailItem = mailItem;
        Guard = new EventAccessGuard(Violations);
        Source = new FakeReceiveMessageEventSource(Violations, Guard);
        Arguments = new EndOfHeadersEventArgs(session, Headers, mailItem) { TestAccessCheck = Guard.Check };
        session.Guard = Guard;
        mailItem.Guard = Guard;
        mailItem.Violations = Violations;
        mailItem.FakeRecipients.Guard = Guard;
        Headers.TestAccessCheck = Guard.Check;
    }

    public TransportRuleViolations Violations { get; } = new();

    public EventAccessGuard Guard { get; }

    public FakeSmtpSession Session { get; }

    public HeaderList Headers { get; }

    public FakeMailItem MailItem { get; }

    public FakeReceiveMessageEventSource Source { get; }

    public EndOfHeadersEventArgs Arguments { get; }

    /// <summary>The async context the agent took, or null when it finished synchronously.</summary>
    public FakeAgentAsyncContext? AsyncContext { get; private set; }

    /// <summary>
    /// Raises OnEndOfHeaders on <paramref name="agent"/> and waits until the agent finished,
    /// synchronously or by completing its async context.
    /// </summary>
    /// <returns>True when the event finished within the timeout.</returns>
    public bool Raise(SmtpReceiveAgent agent, TimeSpan? timeout = null)
    {
        if (agent is null)
        {
            throw new ArgumentNullException(nameof(agent));
        }

        int contextRequests = 0;
        agent.TestAsyncContextProvider = () =>
        {
            if (Interlocked.Increment(ref contextRequests) > 1)
            {
                throw Violations.Record("GetAgentAsyncContext was called more than once for one event");
            }

            AsyncContext = new FakeAgentAsyncContext(Violations, Guard);
            return AsyncContext;
        };

        Guard.BeginHandler();
        try
        {
            agent.TestRaiseEndOfHeaders(Source, Arguments);
        }
        finally
        {
            Guard.EndHandler();
            agent.TestAsyncContextProvider = null;
        }

        if (AsyncContext is null)
        {
            Guard.Completed();
            Guard.BeginInspection();
            return true;
        }

        if (!AsyncContext.CompletedHandle.WaitOne(timeout ?? s_defaultTimeout))
        {
            Violations.Record("the agent never called Complete on its async context");
            return false;
        }

        // A short grace period, so that a stray access right after Complete is still caught.
        Thread.Sleep(s_afterCompleteGrace);
        Guard.BeginInspection();
        return true;
    }
}
