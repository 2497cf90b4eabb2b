using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Xunit;

namespace ExchangeSpfAgent.Tests.Infrastructure;

/// <summary>
/// The NSD fixture: started from generated files, found by its pid file and stopped by process id.
/// </summary>
public sealed class NsdServerTests
{
    private const string Zone = """
        $ORIGIN fixture.example.
        $TTL 60
        @ IN SOA ns.fixture.example. hostmaster.fixture.example. 1 3600 600 86400 60
        @ IN NS ns.fixture.example.
        ns IN A 127.0.0.1

        """;

    [NsdFact]
    public void ServerStopsByPidAndCleansUp()
    {
        NsdServer server = NsdServer.Start(new[] { new NsdZone("fixture.example", Zone) });
        int processId = server.ProcessId;
        string pidFileText = File.ReadAllText(server.PidFile).Trim();
        string folder = server.Folder;

        server.Dispose();

        Assert.Equal(processId, int.Parse(pidFileText, CultureInfo.InvariantCulture));
        Assert.False(IsRunning(processId), $"NSD process {processId} still runs after Dispose.");
        Assert.False(Directory.Exists(folder));
    }

    [NsdFact]
    public void InvalidZoneNamesTheChecker()
    {
        var zone = new NsdZone("fixture.example", Zone + "broken IN A not-an-address\n");

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(
            () => NsdServer.Start(new[] { zone }));

        Assert.Contains("nsd-checkzone rejected the zone fixture.example", exception.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
