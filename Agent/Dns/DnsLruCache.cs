using System;
using System.Collections.Generic;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Dns;

/// <summary>
/// A map of lookup results bounded in entries, which evicts the least recently used entry when it is full.
/// </summary>
/// <remarks>
/// Not thread-safe: <see cref="CachingDnsResolver"/> calls it under its lock. Every operation is O(1).
/// An expired entry is removed when it is read, or evicted like any other when it becomes least recently used.
/// </remarks>
internal sealed class DnsLruCache
{
    private readonly int _capacity;
    private readonly Dictionary<DnsCacheKey, LinkedListNode<DnsCacheEntry>> _entries;

    // The first node is the most recently used entry, the last node the next one to evict.
    private readonly LinkedList<DnsCacheEntry> _recency = new();

    public DnsLruCache(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be 1 or more.");
        }

        _capacity = capacity;
        _entries = new Dictionary<DnsCacheKey, LinkedListNode<DnsCacheEntry>>();
    }

    public int Count => _entries.Count;

    /// <summary>Returns the result stored for <paramref name="key"/> unless it is missing or expired at <paramref name="now"/>.</summary>
    public DnsCacheEntry? Get(DnsCacheKey key, TimeSpan now)
    {
        if (!_entries.TryGetValue(key, out LinkedListNode<DnsCacheEntry>? node))
        {
            return null;
        }

        if (node.Value.ExpiresAt <= now)
        {
            Remove(node);
            return null;
        }

        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    /// <summary>Stores <paramref name="result"/> until <paramref name="expiresAt"/> and returns the number of entries evicted.</summary>
    public int Set(DnsCacheKey key, DnsLookupResult result, TimeSpan expiresAt)
    {
        if (_entries.TryGetValue(key, out LinkedListNode<DnsCacheEntry>? existing))
        {
            Remove(existing);
        }

        _entries[key] = _recency.AddFirst(new DnsCacheEntry(key, result, expiresAt));

        int evicted = 0;
        while (_entries.Count > _capacity)
        {
            Remove(_recency.Last!);
            evicted++;
        }

        return evicted;
    }

    public void Clear()
    {
        _entries.Clear();
        _recency.Clear();
    }

    private void Remove(LinkedListNode<DnsCacheEntry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }
}
