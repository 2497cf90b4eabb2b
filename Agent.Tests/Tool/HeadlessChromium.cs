using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>Loads a local page in headless Chromium, offline, and returns the DOM after its scripts ran.</summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <exception cref="InvalidOperationException">Chromium is missing, failed or timed out.</exception>
    public static string DumpDom(string pagePath)
    {
        string browser = ChromiumInstallation.Path ?? throw new InvalidOperationException(ChromiumInstallation.NotFoundMessage);
        string profile = Path.Combine(Path.GetTempPath(), "spfagent-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            string arguments = "--headless --no-sandbox --disable-gpu --disable-background-networking "
                + "--disable-component-update --no-first-run --window-size=1100,1000 "
                + $"--user-data-dir=\"{profile}\" --dump-dom \"{new Uri(pagePath).AbsoluteUri}\"";
            var start = new ProcessStartInfo(browser, arguments)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {browser}.");
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)s_timeout.TotalMilliseconds))
            {
                process.Kill();
                throw new InvalidOperationException($"Chromium did not finish within {s_timeout}.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode}: {error.Result}");
            }

            return output.Result;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be closing files in its profile; a temporary folder left behind is harmless.
            }
        }
    }
}
