namespace ExchangeSpfAgent.Tests.Origin;

/// <summary>
/// A Received header modelled on what one MTA writes, and what the parser should read from it.
/// </summary>
public sealed class ReceivedCase
{
    public ReceivedCase(string value, string? address, bool isNetworkHandover)
    {
        Value = value;
        Address = address;
        IsNetworkHandover = isNetworkHandover;
    }

    public string Value { get; }

    public string? Address { get; }

    public bool IsNetworkHandover { get; }

    public string? Helo { get; init; }

    public string? ReverseDnsName { get; init; }

    public string? ReceivingHost { get; init; }

    public string? Protocol { get; init; }
}
