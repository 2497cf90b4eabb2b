using System;
using BenchmarkDotNet.Attributes;
using ExchangeSpfAgent.Benchmarks.Scenario;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Benchmarks.Micro;

/// <summary>
/// Parsing one SPF record into terms, as the engine does for every TXT answer it evaluates.
/// </summary>
[MemoryDiagnoser]
public class RecordParsingBenchmarks
{
    private string _text = string.Empty;

    [Params(RecordShape.SenderPolicy, RecordShape.Netblocks, RecordShape.Macros)]
    public RecordShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Shape switch
        {
            RecordShape.SenderPolicy => BenchmarkZone.SenderPolicy,
            RecordShape.Netblocks => BenchmarkZone.MailhostNetblocks1,
            RecordShape.Macros => "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} ip4:192.0.2.0/24 "
                + "redirect=_spf.mailhost-a.example exp=explain._spf.%{d}",
            _ => throw new InvalidOperationException($"Unknown record shape {Shape}."),
        };
    }

    [Benchmark]
    public SpfRecord Parse() => SpfRecord.Parse(_text);
}
