using System;
using System.Collections.Generic;
using System.Linq;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// The messages of a load run: one prepared message per sender and client kind, the order in which they are sent,
/// and the DNS lookups that the record trees need.
/// </summary>
/// <remarks>
/// A message is identified by its pick, <c>sender * 4 + kind</c>. The cold start sends every pick once in a
/// shuffled order, so the cache starts empty and ends holding every name. The main run then draws picks uniformly.
/// </remarks>
public sealed class LoadWorkload
{
    private static readonly ClientKind[] s_kinds = (ClientKind[])Enum.GetValues(typeof(ClientKind));

    private readonly MessageContext[] _messages;

    /// <summary>Prepares the messages and both orders.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is less than 1.</exception>
    public LoadWorkload(int senders, int messages, int seed)
    {
        if (senders < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(senders), senders, "At least one sender is needed.");
        }

        if (messages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages, "At least one message is needed.");
        }

        int picks = senders * s_kinds.Length;
        _messages = new MessageContext[picks];
        for (int pick = 0; pick < picks; pick++)
        {
            _messages[pick] = ScenarioMessages.Create(SenderOf(pick), KindOf(pick), sessionId: pick + 1);
        }

        var random = new Random(seed);
        ColdPicks = Enumerable.Range(0, picks).ToArray();
        random.Shuffle(ColdPicks);
        MainPicks = new int[messages];
        for (int index = 0; index < messages; index++)
        {
            MainPicks[index] = random.Next(picks);
        }
    }

    /// <summary>Every pick once, shuffled: the cold start.</summary>
    public int[] ColdPicks { get; }

    /// <summary>The picks of the main run.</summary>
    public int[] MainPicks { get; }

    /// <summary>Returns the sender of <paramref name="pick"/>.</summary>
    public static int SenderOf(int pick) => pick / s_kinds.Length;

    /// <summary>Returns the client kind of <paramref name="pick"/>.</summary>
    public static ClientKind KindOf(int pick) => s_kinds[pick % s_kinds.Length];

    /// <summary>Returns the prepared message of <paramref name="pick"/>.</summary>
    public MessageContext Message(int pick) => _messages[pick];

    /// <summary>Returns the distinct lookups that the messages of <paramref name="picks"/> need together.</summary>
    public static IReadOnlySet<DnsLookup> NeededLookups(IEnumerable<int> picks)
    {
        if (picks is null)
        {
            throw new ArgumentNullException(nameof(picks));
        }

        var needed = new HashSet<DnsLookup>();
        foreach (int pick in picks)
        {
            needed.UnionWith(BenchmarkZone.HeloLookups(SenderOf(pick), KindOf(pick)));
            needed.UnionWith(BenchmarkZone.MailFromLookups(SenderOf(pick), KindOf(pick)));
        }

        return needed;
    }
}
