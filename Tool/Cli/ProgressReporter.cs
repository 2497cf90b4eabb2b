using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace ExchangeSpfAgent.Tool.Cli;

/// <summary>
/// Reports the progress of a long run on standard error: nothing during the first second, then one line a second,
/// and a closing line when any progress was shown.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    private readonly TextWriter _error;
    private readonly string _verb;
    private readonly string _unit;
    private readonly int _total;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private TimeSpan _nextReport = s_interval;
    private bool _shown;

    /// <param name="error">Where progress lines go, normally standard error.</param>
    /// <param name="verb">What the run does, such as "replayed".</param>
    /// <param name="unit">What it counts, such as "messages".</param>
    /// <param name="total">How many items the run has.</param>
    public ProgressReporter(TextWriter error, string verb, string unit, int total)
    {
        _error = error;
        _verb = verb;
        _unit = unit;
        _total = total;
    }

    /// <summary>Reports that <paramref name="done"/> items are finished.</summary>
    public void Report(int done)
    {
        if (_elapsed.Elapsed < _nextReport)
        {
            return;
        }

        _nextReport = _elapsed.Elapsed + s_interval;
        _shown = true;
        _error.WriteLine(Line(done));
    }

    /// <summary>Writes the closing line when progress lines were shown.</summary>
    public void Finish(int done)
    {
        if (_shown)
        {
            _error.WriteLine(Line(done) + " done.");
        }
    }

    private string Line(int done) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "spfagent: {0} {1} of {2} {3} in {4:0.0} s",
            _verb,
            done,
            _total,
            _unit,
            _elapsed.Elapsed.TotalSeconds);
}
