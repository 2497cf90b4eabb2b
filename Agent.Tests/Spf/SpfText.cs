namespace ExchangeSpfAgent.Tests.Spf;

/// <summary>
/// A generated string for parser properties: SPF fragments, whole records or arbitrary text.
/// </summary>
public sealed class SpfText
{
    public SpfText(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
