using System.Collections.Generic;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>One call of RejectMessage, DiscardMessage or Quarantine with its arguments.</summary>
public sealed record MessageAction(
    MessageActionKind Kind,
    SmtpResponse Response,
    string? Context,
    IReadOnlyList<string> Recipients);
