using Xunit;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>A fact that needs Chromium: skipped outside CI when it is not installed, run (and failing) in CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumInstallation.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
