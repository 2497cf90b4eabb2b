using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Finds the first hop in the <c>Received</c> headers whose sending address is not a trusted relay.
/// </summary>
/// <remarks>
/// <para>
/// The walk starts at the newest header, the topmost. Each line that records a handover from a
/// trusted relay is passed over, because that relay wrote the line below it. The first handover
/// from any other address is the origin: the trusted relay above it recorded that address from
/// the TCP connection, while everything below it is written by hosts that are not trusted.
/// Lines without a network handover (local submission, pickup, fetchers, qmail's "invoked"
/// lines) are passed over without ending the walk. A line that cannot be parsed ends the walk
/// with no origin, because any address taken from below it would be a guess.
/// </para>
/// <para>
/// A handover from a loopback address is passed over like a trusted relay. It records a relay
/// handing the message to itself, for example a content filter reinjecting it, so the line below
/// it is still written by the same relay.
/// </para>
/// <para>
/// NOTE: the walk is only as sound as its top line. It relies on every trusted relay writing a
/// <c>Received</c> header. When a relay writes none, the top line is text that the relay's own
/// client wrote, and that client may be the sender being checked.
/// </para>
/// </remarks>
public static class ReceivedChainWalker
{
    /// <summary>The most <c>Received</c> headers examined before the walk gives up.</summary>
    /// <remarks>
    /// RFC 5321 §6.3 treats a message with this many <c>Received</c> fields as looping, so no
    /// legitimate message needs more.
    /// </remarks>
    public const int MaxHeaders = 100;

    /// <summary>
    /// Walks <paramref name="receivedValues"/>, given in header order (newest first).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReceivedChainResult Walk(IReadOnlyList<string?> receivedValues, IPAddressRangeList trustedRelays)
    {
        if (receivedValues is null)
        {
            throw new ArgumentNullException(nameof(receivedValues));
        }

        if (trustedRelays is null)
        {
            throw new ArgumentNullException(nameof(trustedRelays));
        }

        var hops = new List<ReceivedChainHop>();
        if (receivedValues.Count == 0)
        {
            return new ReceivedChainResult(
                ReceivedChainStatus.NoReceivedHeaders, null, hops, "The message has no Received header.");
        }

        int examined = Math.Min(receivedValues.Count, MaxHeaders);
        for (int index = 0; index < examined; index++)
        {
            int position = index + 1;
            ReceivedHop hop = ReceivedHeaderParser.Parse(receivedValues[index]);
            if (hop.Status == ReceivedParseStatus.Unparseable)
            {
                hops.Add(new ReceivedChainHop(position, hop, isTrusted: false));
                return new ReceivedChainResult(
                    ReceivedChainStatus.Unparseable,
                    null,
                    hops,
                    $"Received header {Format(position)} cannot be parsed: {hop.FailureReason}");
            }

            if (!hop.IsNetworkHandover)
            {
                hops.Add(new ReceivedChainHop(position, hop, isTrusted: false));
                continue;
            }

            IPAddress address = hop.SendingAddress!;
            bool trusted = trustedRelays.Contains(address) || IPAddress.IsLoopback(address);
            var chainHop = new ReceivedChainHop(position, hop, trusted);
            hops.Add(chainHop);
            if (!trusted)
            {
                return new ReceivedChainResult(
                    ReceivedChainStatus.Found,
                    chainHop,
                    hops,
                    $"Received header {Format(position)} records {address} as the first untrusted hop.");
            }
        }

        if (receivedValues.Count > MaxHeaders)
        {
            return new ReceivedChainResult(
                ReceivedChainStatus.TooManyHeaders,
                null,
                hops,
                $"The first {Format(MaxHeaders)} Received headers hold no untrusted hop, and the message has "
                    + $"{Format(receivedValues.Count)}.");
        }

        return new ReceivedChainResult(
            ReceivedChainStatus.NoUntrustedHop,
            null,
            hops,
            "Every Received header records a trusted relay or no network handover.");
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
