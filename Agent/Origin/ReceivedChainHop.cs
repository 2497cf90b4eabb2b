namespace ExchangeSpfAgent.Origin;

/// <summary>
/// A <c>Received</c> header examined by <see cref="ReceivedChainWalker"/>, with its place in the chain.
/// </summary>
public sealed class ReceivedChainHop
{
    internal ReceivedChainHop(int position, ReceivedHop hop, bool isTrusted)
    {
        Position = position;
        Hop = hop;
        IsTrusted = isTrusted;
    }

    /// <summary>Gets the 1-based position of the header, counting from the newest (topmost).</summary>
    public int Position { get; }

    /// <summary>Gets the parsed header.</summary>
    public ReceivedHop Hop { get; }

    /// <summary>
    /// Gets whether the sending address is a trusted relay or loopback, so the walk went past it.
    /// </summary>
    public bool IsTrusted { get; }
}
