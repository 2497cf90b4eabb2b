using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;
using ExchangeSpfAgent.Tests.Spf.Suite;
using Xunit;

namespace ExchangeSpfAgent.Tests.Spf;

public sealed class SpfEvaluatorLimitsTests
{
    private const string Client = "192.0.2.1";
    private const string OtherAddress = "198.51.100.1";

    [Theory]
    [InlineData("a")]
    [InlineData("mx")]
    [InlineData("ptr")]
    [InlineData("include")]
    public async Task DnsTerms_TenAllowed(string kind)
    {
        SpfCheckResult result = await CheckTermsAsync(kind, SpfLimits.MaxDnsTerms);

        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal(SpfLimits.MaxDnsTerms, result.DnsTermCount);
        Assert.Equal(0, result.VoidLookupCount);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("mx")]
    [InlineData("ptr")]
    [InlineData("include")]
    public async Task DnsTerms_EleventhIsPermError(string kind)
    {
        SpfCheckResult result = await CheckTermsAsync(kind, SpfLimits.MaxDnsTerms + 1);

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.Equal(SpfLimits.MaxDnsTerms, result.DnsTermCount);
        Assert.StartsWith(kind, result.Mechanism, System.StringComparison.Ordinal);
        Assert.Contains("limit", result.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task DnsTerms_NotCountedBeforeEvaluation()
    {
        // Eleven DNS terms, but the first mechanism matches, so only one is evaluated.
        string record = "v=spf1 ip4:192.0.2.1 " + string.Join(" ", Enumerable.Repeat("a", 11)) + " -all";

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(new SpfZoneData(), record);

        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal(0, result.DnsTermCount);
    }

    [Theory]
    [InlineData(SpfLimits.MaxDnsTerms, SpfResult.Pass)]
    [InlineData(SpfLimits.MaxDnsTerms + 1, SpfResult.PermError)]
    public async Task DnsTerms_RedirectCounts(int redirects, SpfResult expected)
    {
        var zone = new SpfZoneData();
        for (int index = 1; index < redirects; index++)
        {
            zone.AddTxt(Name("r", index), $"v=spf1 redirect={Name("r", index + 1)}");
        }

        zone.AddTxt(Name("r", redirects), "v=spf1 +all");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, $"v=spf1 redirect={Name("r", 1)}");

        Assert.Equal(expected, result.Result);
        Assert.Equal(SpfLimits.MaxDnsTerms, result.DnsTermCount);
    }

    [Fact]
    public async Task DnsTerms_IncludeLoopIsPermError()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("loop1.example.com", "v=spf1 include:loop2.example.com")
            .AddTxt("loop2.example.com", "v=spf1 include:loop1.example.com");

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 include:loop1.example.com -all");

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.Equal(SpfLimits.MaxDnsTerms, result.DnsTermCount);
    }

    [Theory]
    [InlineData("a:nx{0}.example.com")]
    [InlineData("a:nodata{0}.example.com")]
    [InlineData("mx:nx{0}.example.com")]
    [InlineData("exists:nx{0}.example.com")]
    [InlineData("ptr:nx{0}.example.com")]
    public async Task VoidLookups_TwoAllowed(string template)
    {
        SpfCheckResult result = await CheckVoidTermsAsync(template, SpfLimits.MaxVoidLookups);

        Assert.Equal(SpfResult.Neutral, result.Result);
        Assert.Equal(SpfLimits.MaxVoidLookups, result.VoidLookupCount);
    }

    [Theory]
    [InlineData("a:nx{0}.example.com")]
    [InlineData("a:nodata{0}.example.com")]
    [InlineData("mx:nx{0}.example.com")]
    [InlineData("exists:nx{0}.example.com")]
    [InlineData("ptr:nx{0}.example.com")]
    public async Task VoidLookups_ThirdIsPermError(string template)
    {
        SpfCheckResult result = await CheckVoidTermsAsync(template, SpfLimits.MaxVoidLookups + 1);

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.Equal(SpfLimits.MaxVoidLookups + 1, result.VoidLookupCount);
        Assert.Contains("no records", result.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoidLookups_CountedPerTermEvenWhenMemoised()
    {
        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(
            new SpfZoneData(), "v=spf1 a:nx.example.com a:nx.example.com a:nx.example.com ?all");

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.Equal(2, result.DnsQueryCount);
    }

    [Fact]
    public async Task VoidLookups_MxWithRecordsIsNotVoid()
    {
        // Each mx term gets MX names whose address lookups are void: the term's MX lookup returned
        // records, so the term is not void however many address lookups came back empty.
        var zone = new SpfZoneData();
        for (int index = 1; index <= 3; index++)
        {
            zone.AddMx(Name("m", index), 10, Name("gone-a", index)).AddMx(Name("m", index), 20, Name("gone-b", index));
        }

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(
            zone, "v=spf1 mx:m1.example.com mx:m2.example.com mx:m3.example.com ?all");

        Assert.Equal(SpfResult.Neutral, result.Result);
        Assert.Equal(0, result.VoidLookupCount);
        Assert.Equal(10, result.DnsQueryCount);
    }

    [Fact]
    public async Task VoidLookups_ExplanationNotCounted()
    {
        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(
            new SpfZoneData(), "v=spf1 a:nx1.example.com a:nx2.example.com -all exp=nx3.example.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal(SpfLimits.MaxVoidLookups, result.VoidLookupCount);
        Assert.Equal(2, result.DnsTermCount);
    }

    [Theory]
    [InlineData(SpfLimits.MaxMxNames, SpfResult.Pass)]
    [InlineData(SpfLimits.MaxMxNames + 1, SpfResult.PermError)]
    public async Task MxNames_MoreThanTenIsPermError(int names, SpfResult expected)
    {
        // Only the last MX host has the client's address.
        var zone = new SpfZoneData();
        for (int index = 1; index <= names; index++)
        {
            zone.AddMx("example.com", index, Name("mx", index));
            zone.AddA(Name("mx", index), index == names ? Client : OtherAddress);
        }

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 mx -all");

        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData(SpfLimits.MaxPtrNames, SpfResult.Pass)]
    [InlineData(SpfLimits.MaxPtrNames + 1, SpfResult.Fail)]
    public async Task PtrNames_AfterTenIgnored(int names, SpfResult expected)
    {
        // Only the last PTR name is under example.com and validates.
        var zone = new SpfZoneData();
        for (int index = 1; index < names; index++)
        {
            zone.AddPtr("1.2.0.192.in-addr.arpa", $"host{index}.example.net");
            zone.AddA($"host{index}.example.net", Client);
        }

        zone.AddPtr("1.2.0.192.in-addr.arpa", "mail.example.com").AddA("mail.example.com", Client);

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 ptr -all");

        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData(SpfLimits.MaxPtrNames, "host10.example.net")]
    [InlineData(SpfLimits.MaxPtrNames + 1, "unknown")]
    public async Task ValidatedNameMacro_AfterTenIgnored(int names, string expected)
    {
        // Only the last PTR name validates.
        var zone = new SpfZoneData().AddTxt("why.example.com", "%{p}");
        for (int index = 1; index <= names; index++)
        {
            string host = $"host{index}.example.net";
            zone.AddPtr("1.2.0.192.in-addr.arpa", host).AddA(host, index == names ? Client : OtherAddress);
        }

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 -all exp=why.example.com");

        Assert.Equal(expected, result.Explanation);
    }

    [Fact]
    public async Task ValidatedNameMacro_PrefersCurrentDomain()
    {
        SpfZoneData zone = new SpfZoneData()
            .AddTxt("why.example.com", "%{p}")
            .AddPtr("1.2.0.192.in-addr.arpa", "other.example.net")
            .AddPtr("1.2.0.192.in-addr.arpa", "mail.example.com")
            .AddPtr("1.2.0.192.in-addr.arpa", "example.com")
            .AddA("other.example.net", Client)
            .AddA("mail.example.com", Client)
            .AddA("example.com", Client);

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, "v=spf1 -all exp=why.example.com");

        Assert.Equal("example.com", result.Explanation);
    }

    [Fact]
    public async Task RecursionDepth_BoundsNestingEvenWithinTermLimit()
    {
        // A chain of includes where every level is one DNS term: the term limit ends it at ten.
        var zone = new SpfZoneData();
        for (int index = 1; index <= 20; index++)
        {
            zone.AddTxt(Name("n", index), $"v=spf1 include:{Name("n", index + 1)}");
        }

        SpfCheckResult result = await SpfTestHarness.CheckRecordAsync(zone, $"v=spf1 include:{Name("n", 1)} -all");

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.True(result.DnsQueryCount <= SpfLimits.MaxRecursionDepth + 1, $"Queries: {result.DnsQueryCount}.");
    }

    private static Task<SpfCheckResult> CheckTermsAsync(string kind, int count)
    {
        var zone = new SpfZoneData()
            .AddA("example.com", OtherAddress)
            .AddMx("example.com", 10, "mx.example.com")
            .AddA("mx.example.com", OtherAddress)
            .AddPtr("1.2.0.192.in-addr.arpa", "elsewhere.example.net")
            .AddTxt("inc.example.com", "v=spf1 -all");
        string term = kind == "include" ? "include:inc.example.com" : kind;
        string record = "v=spf1 " + string.Join(" ", Enumerable.Repeat(term, count)) + " ip4:192.0.2.1 -all";
        return SpfTestHarness.CheckRecordAsync(zone, record);
    }

    private static Task<SpfCheckResult> CheckVoidTermsAsync(string template, int count)
    {
        // The nxN names do not exist; the nodataN names exist with only an MX record, so A is NODATA.
        var zone = new SpfZoneData();
        var terms = new List<string>();
        for (int index = 1; index <= count; index++)
        {
            zone.AddMx(Name("nodata", index), 10, "unused.example.net");
            terms.Add(string.Format(CultureInfo.InvariantCulture, template, index));
        }

        return SpfTestHarness.CheckRecordAsync(zone, "v=spf1 " + string.Join(" ", terms) + " ?all");
    }

    private static string Name(string prefix, int index) =>
        string.Format(CultureInfo.InvariantCulture, "{0}{1}.example.com", prefix, index);
}
