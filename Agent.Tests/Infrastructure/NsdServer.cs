using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// An NSD authoritative server on 127.0.0.1, serving zones written for one test run from a temporary folder.
/// </summary>
/// <remarks>
/// The server runs in the foreground (<c>nsd -d</c>) as a child process and is stopped by its process id with
/// SIGTERM. Its configuration turns response rate limiting off, so every query in a burst gets a response, and
/// limits UDP responses to 512 octets, so a larger answer arrives truncated and needs the TCP retry.
/// </remarks>
public sealed class NsdServer : IDisposable
{
    private const int StartAttempts = 3;
    private const int UdpResponseLimit = 512;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_probeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_restartPause = TimeSpan.FromMilliseconds(500);

    private Process? _process;

    private NsdServer(string folder, int port)
    {
        Folder = folder;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>The address and port the server listens on, for UDP and TCP.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The temporary folder with the configuration, zone files, log and pid file.</summary>
    public string Folder { get; }

    /// <summary>The process id of the running server.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("NSD is not running.");

    /// <summary>The path of the pid file that NSD writes.</summary>
    public string PidFile => Path.Combine(Folder, "nsd.pid");

    /// <summary>Starts NSD on a free port serving <paramref name="zones"/> and waits until it responds.</summary>
    /// <exception cref="InvalidOperationException">NSD is missing, rejects its configuration or does not start.</exception>
    public static NsdServer Start(IReadOnlyList<NsdZone> zones)
    {
        if (NsdInstallation.ServerPath is null)
        {
            throw new InvalidOperationException(NsdInstallation.NotFoundMessage);
        }

        string folder = Path.Combine(Path.GetTempPath(), "nsd-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (int attempt = 1; ; attempt++)
        {
            var server = new NsdServer(folder, FindFreePort());
            try
            {
                server.WriteFiles(zones);
                server.Launch();
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Another process may have taken the free port between the check and NSD's bind, or, on
                // a loaded machine under Mono, a started NSD sometimes never answered the probe. A fresh
                // server on another port cures both.
                server.Stop();
            }
            catch (InvalidOperationException)
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>Stops the server, writes <paramref name="zones"/> as its new data and starts it on the same port.</summary>
    public void Restart(IReadOnlyList<NsdZone> zones)
    {
        Stop();
        WriteFiles(zones);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Launch();
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // The port must stay the same, because the caller's resolver points at it. On a loaded machine
                // under Mono a restarted NSD once never answered the probe, so the launch is tried again.
                Stop();
                Thread.Sleep(s_restartPause);
            }
        }
    }

    /// <summary>Stops the server by its process id: SIGTERM first, SIGKILL if it does not exit in time.</summary>
    public void Stop()
    {
        Process? process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                SendSignal(process.Id, "TERM");
                if (!process.WaitForExit((int)s_stopTimeout.TotalMilliseconds))
                {
                    process.Kill();
                    process.WaitForExit();
                }
            }

        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the next run uses a new one.
        }
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void SendSignal(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {processId}") { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static string Quote(string value) => "\"" + value + "\"";

    private static string ZoneFileName(int index) => "zone" + index.ToString(CultureInfo.InvariantCulture) + ".zone";

    private void WriteFiles(IReadOnlyList<NsdZone> zones)
    {
        File.Delete(Path.Combine(Folder, "nsd.log"));
        var config = new StringBuilder();
        config.AppendLine("server:");
        config.AppendLine($"  ip-address: 127.0.0.1@{EndPoint.Port}");
        config.AppendLine($"  port: {EndPoint.Port}");
        config.AppendLine($"  zonesdir: {Quote(Folder)}");
        config.AppendLine($"  pidfile: {Quote(PidFile)}");
        config.AppendLine($"  logfile: {Quote(Path.Combine(Folder, "nsd.log"))}");
        config.AppendLine($"  zonelistfile: {Quote(Path.Combine(Folder, "zone.list"))}");
        config.AppendLine($"  xfrdfile: {Quote(Path.Combine(Folder, "xfrd.state"))}");
        config.AppendLine($"  xfrdir: {Quote(Folder)}");
        config.AppendLine("  database: \"\"");
        config.AppendLine("  username: \"\"");
        config.AppendLine("  chroot: \"\"");
        config.AppendLine("  server-count: 1");
        config.AppendLine("  rrl-ratelimit: 0");

        // Rate limiting is off, so one bucket instead of the default million saves memory (about 25 MB with NSD 4.6).
        config.AppendLine("  rrl-size: 1");
        config.AppendLine($"  ipv4-edns-size: {UdpResponseLimit}");
        config.AppendLine("  verbosity: 1");
        config.AppendLine("remote-control:");
        config.AppendLine("  control-enable: no");

        for (int index = 0; index < zones.Count; index++)
        {
            NsdZone zone = zones[index];
            string fileName = ZoneFileName(index);
            string path = Path.Combine(Folder, fileName);
            File.Delete(path);
            if (zone.Text is not null)
            {
                File.WriteAllText(path, zone.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                Check(NsdInstallation.CheckZonePath, $"{Quote(zone.Origin)} {Quote(path)}", "zone " + zone.Origin);
            }

            config.AppendLine("zone:");
            config.AppendLine($"  name: {Quote(zone.Origin)}");
            config.AppendLine($"  zonefile: {Quote(fileName)}");
        }

        string configPath = Path.Combine(Folder, "nsd.conf");
        File.WriteAllText(configPath, config.ToString());
        Check(NsdInstallation.CheckConfPath, Quote(configPath), "configuration " + configPath);
    }

    private static void Check(string? checker, string arguments, string subject)
    {
        if (checker is null)
        {
            return;
        }

        var startInfo = new ProcessStartInfo(checker, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {checker}.");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(checker)} rejected the {subject} (exit code {process.ExitCode}): {output.Trim()}");
        }
    }

    private void Launch()
    {
        // NSD writes its messages to the log file. Its output is not redirected: reading a child's pipes
        // asynchronously made Mono 6.8 deliver socket completions up to two seconds late.
        var startInfo = new ProcessStartInfo(NsdInstallation.ServerPath!, $"-d -c {Quote(Path.Combine(Folder, "nsd.conf"))}")
        {
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = startInfo };
        process.Start();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!Probe())
        {
            if (process.HasExited || deadline.Elapsed > s_startTimeout)
            {
                string reason = process.HasExited
                    ? $"NSD exited with code {process.ExitCode}"
                    : $"NSD did not answer on {EndPoint} within {s_startTimeout.TotalSeconds} s";
                Stop();
                throw new InvalidOperationException($"{reason}. Log: {ReadLog()}");
            }

            Thread.Sleep(s_probeInterval);
        }
    }

    /// <summary>Sends one query for the root SOA and returns true when any response arrives.</summary>
    private bool Probe()
    {
        // Header: id 0x5350, RD set, one question; then the root name, QTYPE SOA (6), QCLASS IN (1).
        byte[] query = { 0x53, 0x50, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 1 };
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        client.Client.ReceiveTimeout = (int)s_probeInterval.TotalMilliseconds;
        client.Send(query, query.Length, EndPoint);
        try
        {
            IPEndPoint? sender = null;
            return client.Receive(ref sender).Length > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string ReadLog()
    {
        string path = Path.Combine(Folder, "nsd.log");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty;
    }
}
