using System;
using ExchangeSpfAgent.Spf;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class SpfResultNamesTests
{
    [Theory]
    [InlineData(SpfResult.None, "none")]
    [InlineData(SpfResult.Neutral, "neutral")]
    [InlineData(SpfResult.Pass, "pass")]
    [InlineData(SpfResult.Fail, "fail")]
    [InlineData(SpfResult.SoftFail, "softfail")]
    [InlineData(SpfResult.TempError, "temperror")]
    [InlineData(SpfResult.PermError, "permerror")]
    public void ToRfcName_AndTryParse_RoundTrip(SpfResult result, string name)
    {
        Assert.Equal(name, SpfResultNames.ToRfcName(result));
        Assert.True(SpfResultNames.TryParse(name.ToUpperInvariant(), out SpfResult parsed));
        Assert.Equal(result, parsed);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("error")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RejectsOtherNames(string? name)
    {
        Assert.False(SpfResultNames.TryParse(name, out _));
    }

    [Fact]
    public void ToRfcName_RejectsUndefinedValue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpfResultNames.ToRfcName((SpfResult)42));
    }
}
