using System;
using System.Text;

namespace ExchangeSpfAgent.Policy;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for the header values that every kept message gets, so
/// that formatting them allocates only the resulting strings.
/// </summary>
/// <remarks>
/// A builder is taken and given back within one synchronous call. A builder that grew beyond
/// <see cref="MaxCapacity"/> characters, as for a hostile value, is left to the garbage collector.
/// </remarks>
internal static class StringBuilderCache
{
    public const int MaxCapacity = 1024;

    private const int InitialCapacity = 256;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    /// <summary>Returns an empty builder: this thread's cached one when it is free, else a new one.</summary>
    public static StringBuilder Acquire()
    {
        StringBuilder? builder = t_cached;
        if (builder is null)
        {
            return new StringBuilder(InitialCapacity);
        }

        t_cached = null;
        return builder.Clear();
    }

    /// <summary>Returns the builder's text and keeps the builder for the next call on this thread.</summary>
    public static string ToStringAndRelease(StringBuilder builder)
    {
        string text = builder.ToString();
        if (builder.Capacity <= MaxCapacity)
        {
            t_cached = builder;
        }

        return text;
    }
}
