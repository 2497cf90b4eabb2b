using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ExchangeSpfAgent.Tests.ApiGuard;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// Runs the built <c>spfagent</c> as a separate process: the net10.0 build with <c>dotnet</c> from the net10.0
/// tests, and the net48 build (with Mono outside Windows) from the net48 tests, so both builds are tested.
/// </summary>
public static class ToolRunner
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>The folder of the repository's samples.</summary>
    public static string Samples => Path.Combine(BuildLayout.RepositoryRoot, "samples");

    public static string SampleConfig => Path.Combine(Samples, "ExchangeSpfAgent.config.xml");

    public static string SampleZones => Path.Combine(Samples, "zones");

    public static string SampleMessages => Path.Combine(Samples, "messages");

    /// <summary>Runs the tool with <paramref name="arguments"/> and <paramref name="input"/> on standard input.</summary>
    /// <exception cref="TimeoutException">The tool did not exit within two minutes; it is killed.</exception>
    public static ToolResult RunWithInput(string? input, params string[] arguments)
    {
        ProcessStartInfo start = StartInfo(arguments);
        using var process = new Process { StartInfo = start };
        process.Start();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit((int)s_timeout.TotalMilliseconds))
        {
            process.Kill();
            throw new TimeoutException($"spfagent {string.Join(" ", arguments)} did not exit within {s_timeout}.");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, Normalize(output.Result), Normalize(error.Result));
    }

    public static ToolResult Run(params string[] arguments) => RunWithInput(null, arguments);

    /// <summary>Starts the tool with redirected streams, for tests that talk to it line by line.</summary>
    public static Process Start(params string[] arguments)
    {
        var process = new Process { StartInfo = StartInfo(arguments) };
        process.Start();
        return process;
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        string folder = Path.Combine(BuildLayout.RepositoryRoot, "Tool", "bin", BuildLayout.Configuration);
#if NETFRAMEWORK
        string program = Path.Combine(folder, "net48", "spfagent.exe");
        bool windows = Environment.OSVersion.Platform == PlatformID.Win32NT;
        string fileName = windows ? program : "mono";
        string[] all = windows ? arguments : new[] { program }.Concat(arguments).ToArray();
#else
        string program = Path.Combine(folder, "net10.0", "spfagent.dll");
        string fileName = "dotnet";
        string[] all = new[] { program }.Concat(arguments).ToArray();
#endif
        if (!File.Exists(program))
        {
            throw new FileNotFoundException($"The tool is not built at {program}; build ExchangeSpfAgent.sln first.", program);
        }

        var start = new ProcessStartInfo(fileName, string.Join(" ", all.Select(Quote)))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = BuildLayout.RepositoryRoot,
        };
        return start;
    }

    // Quotes an argument for the Windows and Mono command-line parsers, which both follow the MSVC rules.
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        quoted.Append('\\', backslashes * 2);
        return quoted.Append('"').ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
