using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ExchangeSpfAgent.Benchmarks.Load;
using ExchangeSpfAgent.Benchmarks.Scenario;

namespace ExchangeSpfAgent.Benchmarks;

/// <summary>
/// The entry point: <c>load</c> runs the load against a DNS server, <c>zone</c> writes the zone file that the
/// server needs, and any other arguments go to BenchmarkDotNet.
/// </summary>
public static class Program
{
    private const string ZoneUsage = "Usage: ExchangeSpfAgent.Benchmarks zone FOLDER [--senders N]";

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Reports print numbers the same way on every machine.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length > 0 && args[0] == "load")
        {
            return LoadCommand.RunAsync(args.Skip(1).ToArray(), Console.Out).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "zone")
        {
            return WriteZone(args);
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();

        // BenchmarkDotNet reports failures in its summary rather than by exit code.
        bool failed = summaries.Length == 0
            || summaries.Any(summary => summary.HasCriticalValidationErrors
                || summary.Reports.Any(report => !report.Success));
        return failed ? 1 : 0;
    }

    private static int WriteZone(string[] args)
    {
        int senders = 500;
        bool valid = args.Length == 2
            || (args.Length == 4 && args[2] == "--senders"
                && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out senders) && senders >= 1);
        if (!valid)
        {
            Console.Error.WriteLine(ZoneUsage);
            return LoadCommand.InvalidOptions;
        }

        string path = ZoneFileWriter.Write(new BenchmarkZone(senders), args[1]);
        Console.WriteLine(path);
        return 0;
    }
}
