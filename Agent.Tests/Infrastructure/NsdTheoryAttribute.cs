using Xunit;

namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// A theory that needs NSD: skipped outside CI when NSD is not installed, run (and failing) in CI.
/// </summary>
public sealed class NsdTheoryAttribute : TheoryAttribute
{
    public NsdTheoryAttribute()
    {
        if (NsdInstallation.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
