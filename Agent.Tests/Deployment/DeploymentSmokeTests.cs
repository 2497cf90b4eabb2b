#if NETFRAMEWORK
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ExchangeSpfAgent.Logging;
using ExchangeSpfAgent.Tests.Infrastructure;
using ExchangeSpfAgent.Tests.Logging;
using Xunit;

namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>
/// Deploys the release layout into a temporary folder and runs one message through it in a separate Mono process
/// whose application base is another folder, as Exchange's worker process loads the agent.
/// </summary>
/// <remarks>
/// Only the net48 test run has this test: it needs the net48 builds of the agent and of the harness, which that run
/// guarantees are current. DNS comes from NSD on 127.0.0.1.
/// </remarks>
public sealed class DeploymentSmokeTests : IDisposable
{
    private const string Appliance = "198.51.100.10";
    private const string ForgedOrigin = "203.0.113.5";
    private const string Sender = "someone@forged.example";
    private static readonly TimeSpan s_hostTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "spf-smoke-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [NsdFact]
    public void ForgedSenderIsRejectedAndLogged()
    {
        using NsdServer dns = NsdServer.Start(new[]
        {
            new NsdZone("forged.example", Zone("forged.example", "@ IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"")),
        });
        string agentDirectory = Path.Combine(_root, "agent");
        string logDirectory = Path.Combine(_root, "logs");
        ReleaseLayout.CopyTo(agentDirectory);
        Configure(Path.Combine(agentDirectory, ReleaseLayout.ConfigurationFile), dns, logDirectory);
        string host = BuildHost(Path.Combine(_root, "host"));

        Dictionary<string, List<string>> output = RunHost(host, Path.Combine(agentDirectory, "ExchangeSpfAgent.dll"));

        Assert.Equal("True", Single(output, "finished"));
        Assert.Equal(string.Empty, Single(output, "violations"));
        Assert.StartsWith("Reject 550 5.7.23", Single(output, "action"), StringComparison.Ordinal);
        Assert.Contains("NLog|" + Path.Combine(agentDirectory, "NLog.dll"), output["loaded"]);
        Assert.Contains("DnsClient|" + Path.Combine(agentDirectory, "DnsClient.dll"), output["loaded"]);
        IReadOnlyList<string> decision = DecisionLine(logDirectory);
        Assert.Equal(ForgedOrigin, decision[Field("origin-ip")]);
        Assert.Equal(Sender, decision[Field("mail-from")]);
        Assert.Equal("fail", decision[Field("result")]);
        Assert.StartsWith("550 5.7.23", decision[Field("smtp-response")], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "host", "host-nlog.log")), "The agent read the host's NLog.config.");
    }

    private static string Zone(string origin, string records) =>
        "$ORIGIN " + origin + ".\n$TTL 300\n"
        + "@ IN SOA ns." + origin + ". hostmaster." + origin + ". 1 3600 600 86400 300\n"
        + "@ IN NS ns." + origin + ".\nns IN A 127.0.0.1\n" + records + "\n";

    private static int Field(string name) => DecisionLogFormat.Fields.ToList().IndexOf(name);

    // The shipped file with the appliance trusted, DNS on the local NSD, logs in the test folder, no event log.
    private static void Configure(string path, NsdServer dns, string logDirectory)
    {
        XDocument document = XDocument.Load(path);
        XElement root = document.Root!;
        root.Element("Origin")!.Element("TrustedRelays")!.Add(new XElement("Range", Appliance));
        root.Element("Dns")!.Element("Servers")!.Add(new XElement("Server", dns.EndPoint.ToString()));
        root.Element("Logging")!.Element("Folder")!.Value = logDirectory;
        root.Element("Logging")!.Element("EventLog")!.Value = "false";
        document.Save(path);
    }

    // The host's folder contains what Exchange's bin folder would: the Exchange assemblies (here the test runtime),
    // plus the harness and an NLog.config of the host's own, which the agent must not read.
    private static string BuildHost(string directory)
    {
        Directory.CreateDirectory(directory);
        string testOutput = AppContext.BaseDirectory;
        string[] references =
        {
            "Microsoft.Exchange.Data.Transport.dll",
            "Microsoft.Exchange.Data.Common.dll",
            "ExchangeSpfAgent.Tests.dll",
        };
        foreach (string file in references)
        {
            File.Copy(Path.Combine(testOutput, file), Path.Combine(directory, file));
        }

        File.WriteAllText(
            Path.Combine(directory, "NLog.config"),
            "<nlog><targets><target name='f' type='File' fileName='${basedir}/host-nlog.log' /></targets>"
                + "<rules><logger name='*' minlevel='Trace' writeTo='f' /></rules></nlog>");
        string source = Path.Combine(directory, "SmokeHost.cs");
        File.WriteAllText(source, SmokeHostSource.Text);
        string compiler = ReleaseLayout.FindProgram("mcs")
            ?? throw new InvalidOperationException("Mono's C# compiler mcs is not on PATH; install mono-complete.");
        string host = Path.Combine(directory, "SmokeHost.exe");
        string arguments = "-nologo -target:exe -out:" + Quote(host) + " -r:System.Core.dll "
            + string.Concat(references.Select(r => "-r:" + Quote(Path.Combine(directory, r)) + " "))
            + Quote(source);
        (int exitCode, string output) = Run(compiler, arguments, directory);
        Assert.True(exitCode == 0, "mcs failed: " + output);
        return host;
    }

    private Dictionary<string, List<string>> RunHost(string host, string agentPath)
    {
        string workingDirectory = Path.Combine(_root, "work");
        Directory.CreateDirectory(workingDirectory);
        string mono = ReleaseLayout.FindProgram("mono")
            ?? throw new InvalidOperationException("mono is not on PATH; install mono-complete.");
        string arguments = Quote(host) + " " + Quote(agentPath) + " " + Appliance + " " + ForgedOrigin + " " + Sender;
        (int exitCode, string output) = Run(mono, arguments, workingDirectory);
        Assert.True(exitCode == 0, "The host failed: " + output);

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            int equals = line.IndexOf('=');
            if (equals > 0)
            {
                string key = line.Substring(0, equals);
                if (!values.TryGetValue(key, out List<string>? list))
                {
                    list = new List<string>();
                    values[key] = list;
                }

                list.Add(line.Substring(equals + 1));
            }
        }

        Assert.True(values.ContainsKey("finished"), "The host printed no result: " + output);
        return values;
    }

    private static (int ExitCode, string Output) Run(string program, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.BeginErrorReadLine();
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit((int)s_hostTimeout.TotalMilliseconds))
        {
            process.Kill();
            throw new TimeoutException(program + " did not exit within " + s_hostTimeout + ": " + error);
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static IReadOnlyList<string> DecisionLine(string logDirectory)
    {
        string file = Assert.Single(Directory.GetFiles(logDirectory, "Decision_*.log"));
        string[] records = File.ReadAllLines(file).Where(line => !line.TrimStart('\uFEFF').StartsWith("#", StringComparison.Ordinal)).ToArray();
        return CsvReader.ParseLine(Assert.Single(records)).Select(DecisionLogFormat.Unescape).ToArray();
    }

    private static string Single(Dictionary<string, List<string>> output, string key) =>
        Assert.Single(output.TryGetValue(key, out List<string>? values) ? values : new List<string>());

    private static string Quote(string value) => "\"" + value + "\"";
}
#endif
