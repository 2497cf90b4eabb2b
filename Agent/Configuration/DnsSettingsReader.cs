using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using ExchangeSpfAgent.Dns;

namespace ExchangeSpfAgent.Configuration;

/// <summary>Binds the <c>Dns</c> element to <see cref="DnsResolverOptions"/>.</summary>
internal static class DnsSettingsReader
{
    public static readonly TimeSpan MinQueryTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxQueryTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(7);

    // RFC 2308 §7.1: a server failure must not be cached for longer than five minutes.
    public static readonly TimeSpan MaxTemporaryFailureTimeToLive = TimeSpan.FromMinutes(5);

    public const int MaxRetries = 5;
    public const int MaxCacheEntries = 1_000_000;

    public static DnsResolverOptions Read(SettingsElement? section)
    {
        var defaults = new DnsResolverOptions();
        if (section is null)
        {
            return defaults;
        }

        IReadOnlyList<IPEndPoint>? servers = section.List<IPEndPoint>(
            "Servers",
            "Server",
            SettingsSyntax.TryParseServer,
            "an IP address with an optional port, such as 192.0.2.53, 192.0.2.53:5353 or [2001:db8::53]:53");

        var options = new DnsResolverOptions
        {
            Servers = servers ?? defaults.Servers,
            QueryTimeout = section.Duration("QueryTimeout", defaults.QueryTimeout, MinQueryTimeout, MaxQueryTimeout),
            Retries = section.Integer("Retries", defaults.Retries, 0, MaxRetries),
            MinimumTimeToLive =
                section.Duration("MinimumTimeToLive", defaults.MinimumTimeToLive, TimeSpan.Zero, MaxTimeToLive),
            MaximumTimeToLive =
                section.Duration("MaximumTimeToLive", defaults.MaximumTimeToLive, TimeSpan.Zero, MaxTimeToLive),
            TemporaryFailureTimeToLive = section.Duration(
                "TemporaryFailureTimeToLive",
                defaults.TemporaryFailureTimeToLive,
                TimeSpan.Zero,
                MaxTemporaryFailureTimeToLive),
            MaxCacheEntries = section.Integer("MaxCacheEntries", defaults.MaxCacheEntries, 1, MaxCacheEntries),
        };

        section.RejectUnknownChildren();
        if (options.MinimumTimeToLive > options.MaximumTimeToLive)
        {
            throw section.ChildError(
                "MinimumTimeToLive",
                "is greater than MaximumTimeToLive ("
                    + options.MaximumTimeToLive.ToString("c", CultureInfo.InvariantCulture) + ") with the value",
                options.MinimumTimeToLive.ToString("c", CultureInfo.InvariantCulture),
                "a floor no greater than the ceiling in MaximumTimeToLive");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw section.Error("is inconsistent: " + exception.Message, null, null, exception);
        }

        return options;
    }
}
