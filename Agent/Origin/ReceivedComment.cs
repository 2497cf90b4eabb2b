using System.Collections.Generic;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// A comment in a <c>Received</c> header, split into its top-level words.
/// </summary>
/// <remarks>
/// Nested comments, such as Sendmail's <c>(may be forged)</c>, are left out of
/// <see cref="Words"/>, so an address inside them is never taken for the sending address.
/// </remarks>
internal sealed class ReceivedComment
{
    public ReceivedComment(IReadOnlyList<string> words)
    {
        Words = words;
    }

    public IReadOnlyList<string> Words { get; }
}
