using System;
using Microsoft.Exchange.Data.Transport;
using Microsoft.Exchange.Data.Transport.Smtp;
using Xunit;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>Each Exchange rule the fakes enforce, broken on purpose, must be caught.</summary>
public sealed class TransportHarnessTests
{
    private static EndOfHeadersEvent NewEvent() =>
        new(new FakeSmtpSession(), "From: a@example.com\r\nSubject: test\r\n", new FakeMailItem("a@example.com"));

    private static TransportRuleViolations Run(Action<MisbehavingAgent, ReceiveMessageEventSource, EndOfHeadersEventArgs> handler)
    {
        EndOfHeadersEvent ev = NewEvent();
        ev.Raise(new MisbehavingAgent(handler), TimeSpan.FromSeconds(5));
        return ev.Violations;
    }

    private static void SwallowAll(Action action)
    {
#pragma warning disable CA1031
        try
        {
            action();
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    [Fact]
    public void WellBehavedAsyncAgentHasNoViolations()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            MisbehavingAgent.OnOtherThread(() =>
            {
                context.Resume();
                _ = e.Headers.FindFirst("Subject");
                source.RejectMessage(new SmtpResponse("550", "5.7.23", "SPF fail"), "spf=fail");
                context.Complete();
            });
        });

        violations.AssertNone();
    }

    [Fact]
    public void SynchronousAgentHasNoViolations()
    {
        TransportRuleViolations violations = Run((agent, source, e) => _ = e.MailItem.FromAddress);

        violations.AssertNone();
    }

    [Fact]
    public void CompleteTwiceIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            context.Complete();
            SwallowAll(context.Complete);
        });

        Assert.True(violations.Contains("Complete was called more than once"));
    }

    [Fact]
    public void MissingCompleteIsCaught()
    {
        EndOfHeadersEvent ev = NewEvent();

        bool finished = ev.Raise(new MisbehavingAgent((agent, source, e) => agent.TakeAsyncContext()), TimeSpan.FromMilliseconds(200));

        Assert.False(finished);
        Assert.True(ev.Violations.Contains("never called Complete"));
    }

    [Fact]
    public void TouchingEventWithoutResumeIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            MisbehavingAgent.OnOtherThread(() =>
            {
                try
                {
                    _ = e.Headers;
                }
                finally
                {
                    context.Complete();
                }
            });
        });

        Assert.True(violations.Contains("did not call Resume"));
    }

    [Fact]
    public void TouchingSessionWithoutResumeIsCaught()
    {
        EndOfHeadersEvent ev = NewEvent();
        SmtpSession session = ev.Session;
        ev.Raise(new MisbehavingAgent((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            MisbehavingAgent.OnOtherThread(() =>
            {
                try
                {
                    _ = session.RemoteEndPoint;
                }
                finally
                {
                    context.Complete();
                }
            });
        }), TimeSpan.FromSeconds(5));

        Assert.True(ev.Violations.Contains("did not call Resume"));
    }

    [Fact]
    public void TouchingEventAfterCompleteIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            context.Complete();
            SwallowAll(() => _ = e.MailItem);
        });

        Assert.True(violations.Contains("after Complete"));
    }

    [Fact]
    public void SecondAsyncContextIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            AgentAsyncContext context = agent.TakeAsyncContext();
            SwallowAll(() => agent.TakeAsyncContext());
            context.Complete();
        });

        Assert.True(violations.Contains("GetAgentAsyncContext was called more than once"));
    }

    [Fact]
    public void DiscardWithFailureResponseIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
            SwallowAll(() => source.DiscardMessage(new SmtpResponse("550", "5.7.23", "no"), "spf")));

        Assert.True(violations.Contains("non-2xx"));
    }

    [Fact]
    public void DiscardWithSuccessResponseIsAllowed()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
            source.DiscardMessage(SmtpResponse.QueuedMailForDelivery("<id@example.com>"), "spf"));

        violations.AssertNone();
    }

    [Fact]
    public void RejectWithEmptyResponseIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
            SwallowAll(() => source.RejectMessage(SmtpResponse.Empty)));

        Assert.True(violations.Contains("empty response"));
    }

    [Fact]
    public void SecondVerdictIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
        {
            source.RejectMessage(new SmtpResponse("550", "5.7.23", "fail"));
            SwallowAll(() => source.RejectMessage(new SmtpResponse("451", "4.7.24", "later")));
        });

        Assert.True(violations.Contains("second verdict"));
    }

    [Fact]
    public void OpeningBodyIsCaught()
    {
        TransportRuleViolations violations = Run((agent, source, e) =>
            SwallowAll(() => e.MailItem.GetMimeReadStream()));

        Assert.True(violations.Contains("opened the message body"));
    }

    [Fact]
    public void SecondSubscriptionThrows()
    {
        var agent = new MisbehavingAgent((a, s, e) => { });

        Assert.Throws<InvalidOperationException>(agent.SubscribeAgain);
    }

    [Fact]
    public void RemovingRecipientWhileEnumeratingThrows()
    {
        var mailItem = new FakeMailItem("a@example.com", "x@example.org", "y@example.org");

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (EnvelopeRecipient recipient in mailItem.Recipients)
            {
                mailItem.Recipients.Remove(recipient);
            }
        });
    }

    [Theory]
    [InlineData("55", "5.7.23", "text")]
    [InlineData("650", "5.7.23", "text")]
    [InlineData("5x0", "5.7.23", "text")]
    [InlineData("550", "5.7", "text")]
    [InlineData("550", "6.7.23", "text")]
    [InlineData("550", "4.7.23", "text")]
    [InlineData("550", "5.7.2345", "text")]
    [InlineData("550", "5.7.23", "caf\u00e9")]
    public void InvalidSmtpResponseThrows(string code, string enhancedCode, string text)
    {
        Assert.Throws<FormatException>(() => new SmtpResponse(code, enhancedCode, text));
    }

    [Theory]
    [InlineData("550", "5.7.23")]
    [InlineData("451", "4.7.24")]
    [InlineData("250", "2.6.0")]
    [InlineData("550", "")]
    public void ValidSmtpResponseIsAccepted(string code, string enhancedCode)
    {
        var response = new SmtpResponse(code, enhancedCode, "text");

        Assert.Equal(code, response.StatusCode);
    }

    [Fact]
    public void HeaderTextKeepsOrderAndFolding()
    {
        var headers = HeaderText.Parse("Received: from a\r\n\tby b\r\nReceived: from c\r\nSubject: s\r\n");

        Microsoft.Exchange.Data.Mime.Header[] received = headers.FindAll("received");
        Assert.Equal(2, received.Length);
        Assert.Equal("from a\r\n\tby b", received[0].Value);
        Assert.Equal("from c", received[1].Value);
    }
}
