namespace ExchangeSpfAgent.Configuration;

/// <summary>Which messages the HELO actions apply to.</summary>
public enum HeloActionScope
{
    /// <summary>Only messages with the null sender, whose MAIL FROM identity derives from the HELO name.</summary>
    NullSender,

    /// <summary>Every message whose HELO name was checked.</summary>
    All,
}
