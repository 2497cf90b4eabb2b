using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ExchangeSpfAgent.Dns;

namespace ExchangeSpfAgent.Benchmarks.Load;

/// <summary>
/// The settings of one load run, read from the command line.
/// </summary>
public sealed class LoadOptions
{
    /// <summary>The longest time limit, one day, well inside what a cancellation timer accepts.</summary>
    public const int MaxTimeLimitSeconds = 86_400;

    /// <summary>The help text of the load command.</summary>
    public const string Usage =
        "Usage: ExchangeSpfAgent.Benchmarks load --dns 127.0.0.1:PORT [options]\n"
        + "  --dns ADDRESS:PORT   the DNS server that serves the benchmark zone; loopback addresses only (required)\n"
        + "  --senders N          sender domains in the zone (default 500); must match the zone that was written\n"
        + "  --messages N         messages after the cold start (default 1000000)\n"
        + "  --concurrency N      sessions in flight at once (default 64)\n"
        + "  --checkpoints N      parts of the run after each of which memory is measured (default 5)\n"
        + "  --cache-entries N    the cache bound, MaxCacheEntries (default 10000)\n"
        + "  --seed N             the seed of the message order (default 1)\n"
        + "  --time-limit N       seconds after which the run stops and fails (default 900, at most 86400)";

    private static readonly string[] s_names =
    {
        "--dns", "--senders", "--messages", "--concurrency", "--checkpoints", "--cache-entries", "--seed",
        "--time-limit",
    };

    /// <summary>The DNS server: always a loopback end point.</summary>
    public IPEndPoint DnsServer { get; private init; } = new(IPAddress.Loopback, 53);

    /// <summary>The number of sender domains.</summary>
    public int Senders { get; private init; } = 500;

    /// <summary>The number of messages after the cold start.</summary>
    public int Messages { get; private init; } = 1_000_000;

    /// <summary>The number of sessions in flight at once.</summary>
    public int Concurrency { get; private init; } = 64;

    /// <summary>The number of parts of the main run, with a memory measurement after each.</summary>
    public int Checkpoints { get; private init; } = 5;

    /// <summary>The maximum number of cache entries.</summary>
    public int CacheEntries { get; private init; } = DnsResolverOptions.DefaultMaxCacheEntries;

    /// <summary>The seed of the pseudo-random message order.</summary>
    public int Seed { get; private init; } = 1;

    /// <summary>The time after which the run stops.</summary>
    public TimeSpan TimeLimit { get; private init; } = TimeSpan.FromSeconds(900);

    /// <summary>
    /// Parses <paramref name="args"/>. On failure it returns null and sets <paramref name="error"/> to the reason.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="args"/> is null.</exception>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        if (args is null)
        {
            throw new ArgumentNullException(nameof(args));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (int index = 0; index < args.Count; index += 2)
        {
            if (Array.IndexOf(s_names, args[index]) < 0)
            {
                errors.Add($"Unknown option '{args[index]}'.");
            }
            else if (index + 1 >= args.Count)
            {
                errors.Add($"Missing value for {args[index]}.");
            }
            else
            {
                values[args[index]] = args[index + 1];
            }
        }

        IPEndPoint? endPoint = ReadServer(values, errors);
        var options = new LoadOptions
        {
            DnsServer = endPoint ?? new IPEndPoint(IPAddress.Loopback, 53),
            Senders = ReadCount(values, "--senders", 500, errors),
            Messages = ReadCount(values, "--messages", 1_000_000, errors),
            Concurrency = ReadCount(values, "--concurrency", 64, errors),
            Checkpoints = ReadCount(values, "--checkpoints", 5, errors),
            CacheEntries = ReadCount(values, "--cache-entries", DnsResolverOptions.DefaultMaxCacheEntries, errors),
            Seed = ReadCount(values, "--seed", 1, errors),
            TimeLimit = TimeSpan.FromSeconds(ReadCount(values, "--time-limit", 900, errors, MaxTimeLimitSeconds)),
        };

        error = errors.Count > 0 ? errors[0] : string.Empty;
        return errors.Count > 0 ? null : options;
    }

    private static IPEndPoint? ReadServer(Dictionary<string, string> values, List<string> errors)
    {
        if (!values.TryGetValue("--dns", out string? text) || !IPEndPoint.TryParse(text, out IPEndPoint? endPoint)
            || endPoint.Port == 0)
        {
            errors.Add("Missing or invalid --dns: give the loopback address and port of the NSD server, "
                + "such as 127.0.0.1:5353.");
            return null;
        }

        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            errors.Add($"Invalid --dns '{text}': the load run sends queries only to a loopback address.");
            return null;
        }

        return endPoint;
    }

    private static int ReadCount(
        Dictionary<string, string> values,
        string name,
        int fallback,
        List<string> errors,
        int max = int.MaxValue)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > max)
        {
            errors.Add(max == int.MaxValue
                ? $"Invalid {name} '{text}': give a whole number of at least 1."
                : $"Invalid {name} '{text}': give a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}.");
            return fallback;
        }

        return value;
    }
}
