using System;
using Microsoft.Exchange.Data.Transport;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>The transport server handed to <c>CreateAgent</c>.</summary>
public sealed class FakeSmtpServer : SmtpServer
{
    public override string Name => "EX01";

    public override Version Version => new(15, 2, 1118, 7);
}
