using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Configuration;

/// <summary>
/// The action for each identity and SPF result. Defaults: MAIL FROM fail rejects, HELO fail rejects
/// only the null sender, everything else is stamped.
/// </summary>
public sealed class ActionSettings
{
    /// <summary>Actions for the MAIL FROM identity.</summary>
    public ResultActions MailFrom { get; init; } = new() { Fail = SpfAction.Reject };

    /// <summary>Actions for the HELO identity.</summary>
    public ResultActions Helo { get; init; } = new() { Fail = SpfAction.Reject };

    /// <summary>Which messages the HELO actions apply to; for the others a HELO result is only stamped.</summary>
    public HeloActionScope HeloActionsApplyTo { get; init; } = HeloActionScope.NullSender;

    /// <summary>Returns the configured action for one identity and result.</summary>
    public SpfAction For(SpfIdentity identity, SpfResult result, bool nullSender)
    {
        if (identity == SpfIdentity.Helo)
        {
            return nullSender || HeloActionsApplyTo == HeloActionScope.All ? Helo.For(result) : SpfAction.Stamp;
        }

        return MailFrom.For(result);
    }
}
