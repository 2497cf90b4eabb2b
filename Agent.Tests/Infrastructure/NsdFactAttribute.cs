using Xunit;

namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// A fact that needs NSD: skipped outside CI when NSD is not installed, run (and failing) in CI.
/// </summary>
public sealed class NsdFactAttribute : FactAttribute
{
    public NsdFactAttribute()
    {
        if (NsdInstallation.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
