using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Chooses the originating IP that SPF checks for a message, from the SMTP peer, the filtering
/// appliance's origin header, the <c>Received</c> headers or Exchange's last external address.
/// </summary>
/// <remarks>
/// <para>
/// When the SMTP peer is not a trusted relay, the peer is the origin and its session HELO the HELO
/// identity, and every header is ignored: a sender that is not trusted must never choose the
/// address that is checked. When the peer is a trusted relay, the configured sources are tried
/// in order. A source that has nothing to offer (no header, no <c>Received</c> line, no last
/// external address), or that names a trusted relay, passes to the next source, because a trusted
/// relay's own address is never the origin.
/// </para>
/// <para>
/// An ambiguous or invalid source stops the selection with no origin, and the next source is not
/// tried. A second origin header, or one that cannot be read, means that text the appliance should
/// control is not what the appliance wrote. A silent switch to another source would hide that from
/// the administrator and check an address other than the one the configuration puts first. The
/// decision log shows the status instead, so the administrator can fix the appliance or choose
/// <see cref="OriginHeaderOccurrence.First"/> or <see cref="OriginHeaderOccurrence.Last"/>. An
/// unparseable <c>Received</c> line stops the selection for the same reason.
/// </para>
/// <para>
/// An origin in the skip list is reported as Skipped and not checked. The selector is pure and
/// thread-safe: it reads only its arguments and its immutable options.
/// </para>
/// </remarks>
public sealed class OriginSelector
{
    private readonly OriginSelectorOptions _options;
    private readonly OriginSource[] _sources;

    /// <summary>Creates a selector with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is unusable.</exception>
    public OriginSelector(OriginSelectorOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        _options = options;

        // A copy, so that a caller who changes the list later cannot change a running selector.
        _sources = options.Sources.ToArray();
    }

    /// <summary>Chooses the origin for one message.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public OriginDecision Select(OriginRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.PeerAddress is null)
        {
            return new OriginDecision(
                OriginStatus.NotFound, OriginDecisionSource.None, null, null, "The SMTP peer address is unknown.", null);
        }

        IPAddress peer = IPAddressNormalizer.Normalize(request.PeerAddress);
        if (!_options.TrustedRelays.Contains(peer))
        {
            return Conclude(
                OriginDecisionSource.Peer,
                peer,
                request.SessionHelo,
                $"The SMTP peer {peer} is not a trusted relay, so it is the origin.",
                null);
        }

        var reasons = new List<string> { $"The SMTP peer {peer} is a trusted relay." };
        IReadOnlyList<string?> receivedValues = request.ReceivedValues ?? Array.Empty<string?>();
        ReceivedChainResult? chain = null;
        bool namedTrustedRelay = false;
        IReadOnlyList<ReceivedChainHop>? hops = null;
        foreach (OriginSource source in _sources)
        {
            OriginAttempt attempt = source switch
            {
                OriginSource.Header => TryHeader(request, receivedValues, ref chain),
                OriginSource.ReceivedChain => TryReceivedChain(ChainOf(receivedValues, ref chain)),
                _ => TryLastExternal(request, receivedValues, ref chain),
            };

            hops = attempt.Hops ?? hops;
            reasons.Add(attempt.Reason);
            OriginDecisionSource decisionSource = ToDecisionSource(source);
            switch (attempt.Outcome)
            {
                case OriginAttemptOutcome.Found:
                    return Conclude(decisionSource, attempt.Address!, attempt.Helo, Join(reasons), hops);
                case OriginAttemptOutcome.Ambiguous:
                    return new OriginDecision(OriginStatus.Ambiguous, decisionSource, null, null, Join(reasons), hops);
                case OriginAttemptOutcome.Garbled:
                    return new OriginDecision(OriginStatus.Garbled, decisionSource, null, null, Join(reasons), hops);
                case OriginAttemptOutcome.TrustedRelay:
                    namedTrustedRelay = true;
                    break;
                default:
                    break;
            }
        }

        if (_sources.Length == 0)
        {
            reasons.Add("No origin source is configured.");
        }

        OriginStatus status = namedTrustedRelay ? OriginStatus.TrustedRelayAsOrigin : OriginStatus.NotFound;
        return new OriginDecision(status, OriginDecisionSource.None, null, null, Join(reasons), hops);
    }

    private OriginAttempt TryHeader(
        OriginRequest request,
        IReadOnlyList<string?> receivedValues,
        ref ReceivedChainResult? chain)
    {
        IReadOnlyList<string?> values = request.OriginHeaderValues ?? Array.Empty<string?>();
        string name = _options.HeaderName;
        if (values.Count == 0)
        {
            return OriginAttempt.Absent($"The {name} header is absent.");
        }

        string? value = values[0];
        if (values.Count > 1)
        {
            switch (_options.HeaderOccurrence)
            {
                case OriginHeaderOccurrence.First:
                    break;
                case OriginHeaderOccurrence.Last:
                    value = values[values.Count - 1];
                    break;
                default:
                    return OriginAttempt.Ambiguous(
                        $"The {name} header occurs {Format(values.Count)} times and the occurrence rule is Single.");
            }
        }

        if (!OriginHeaderParser.TryParse(value, out OriginHeaderValue? parsed, out string? failureReason))
        {
            return OriginAttempt.Garbled($"The {name} header is invalid: {failureReason}");
        }

        IPAddress address = parsed!.Address;
        if (_options.TrustedRelays.Contains(address))
        {
            return OriginAttempt.TrustedRelay(
                $"The {name} header names {address}, a trusted relay, which is never the origin.");
        }

        string reason = $"The {name} header names {address}.";
        if (parsed.HeloProblem is not null)
        {
            reason += " " + parsed.HeloProblem;
        }

        if (parsed.Helo is not null)
        {
            return OriginAttempt.Found(address, parsed.Helo, reason);
        }

        ReceivedChainResult walked = ChainOf(receivedValues, ref chain);
        return OriginAttempt.Found(address, FindHeloInChain(walked, address), reason).WithHops(walked.Hops);
    }

    private static OriginAttempt TryReceivedChain(ReceivedChainResult chain)
    {
        OriginAttempt attempt = chain.Status switch
        {
            ReceivedChainStatus.Found => OriginAttempt.Found(
                chain.Origin!.Hop.SendingAddress!, chain.Origin.Hop.Helo, chain.Reason),
            ReceivedChainStatus.NoReceivedHeaders or ReceivedChainStatus.NoUntrustedHop =>
                OriginAttempt.Absent(chain.Reason),
            _ => OriginAttempt.Garbled(chain.Reason),
        };

        return attempt.WithHops(chain.Hops);
    }

    private OriginAttempt TryLastExternal(
        OriginRequest request,
        IReadOnlyList<string?> receivedValues,
        ref ReceivedChainResult? chain)
    {
        if (request.LastExternalAddress is null)
        {
            return OriginAttempt.Absent("Exchange reports no last external IP address.");
        }

        IPAddress address = IPAddressNormalizer.Normalize(request.LastExternalAddress);
        if (_options.TrustedRelays.Contains(address))
        {
            return OriginAttempt.TrustedRelay(
                $"Exchange reports {address} as the last external IP address, a trusted relay, which is never "
                    + "the origin.");
        }

        ReceivedChainResult walked = ChainOf(receivedValues, ref chain);
        return OriginAttempt.Found(
                address, FindHeloInChain(walked, address), $"Exchange reports {address} as the last external IP address.")
            .WithHops(walked.Hops);
    }

    // Walks the Received chain on first use, because the header source needs it only when the HELO name is missing.
    private ReceivedChainResult ChainOf(IReadOnlyList<string?> receivedValues, ref ReceivedChainResult? chain) =>
        chain ??= ReceivedChainWalker.Walk(receivedValues, _options.TrustedRelays);

    // The HELO of the origin, when the trusted part of the Received chain recorded a handover from it.
    private static string? FindHeloInChain(ReceivedChainResult chain, IPAddress address) =>
        chain.Hops
            .Where(hop => hop.Hop.IsNetworkHandover && address.Equals(hop.Hop.SendingAddress))
            .Select(hop => hop.Hop.Helo)
            .FirstOrDefault();

    private OriginDecision Conclude(
        OriginDecisionSource source,
        IPAddress address,
        string? helo,
        string reason,
        IReadOnlyList<ReceivedChainHop>? hops)
    {
        if (_options.SkipList.Contains(address))
        {
            return new OriginDecision(
                OriginStatus.Skipped,
                source,
                address,
                helo,
                $"{reason} The origin {address} is in the skip list, so it is not checked.",
                hops);
        }

        return new OriginDecision(OriginStatus.Found, source, address, helo, reason, hops);
    }

    private static OriginDecisionSource ToDecisionSource(OriginSource source) => source switch
    {
        OriginSource.Header => OriginDecisionSource.Header,
        OriginSource.ReceivedChain => OriginDecisionSource.ReceivedChain,
        _ => OriginDecisionSource.ExchangeLastExternal,
    };

    private static string Join(List<string> reasons) => string.Join(" ", reasons);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
