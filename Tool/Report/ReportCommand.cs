using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary><c>spfagent report</c>: summarizes decision logs into one self-contained HTML page with charts.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("LOGS")
        {
            Description = "Decision log files, or folders whose " + DecisionLogReader.FilePattern + " files are read.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "The HTML file to write.",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("report", "Summarize decision logs into an HTML page with charts.") { logs, output };
        CommandAction.Set(command, (parseResult, cancellationToken) =>
        {
            List<string> files;
            try
            {
                files = DecisionLogReader.ExpandFiles(parseResult.GetValue(logs)!);
            }
            catch (FileNotFoundException exception)
            {
                throw new ToolException(exception.Message, ExitCodes.InvalidInput, exception);
            }

            if (files.Count == 0)
            {
                throw new ToolException(
                    "No decision log found: name the files, or folders with " + DecisionLogReader.FilePattern + " files.");
            }

            var reader = new DecisionLogReader(Console.Error);
            var statistics = new ReportStatistics();
            var progress = new ProgressReporter(Console.Error, "read", "log files", files.Count);
            for (int index = 0; index < files.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadFile(reader, statistics, files[index]);
                progress.Report(index + 1);
            }

            progress.Finish(files.Count);
            string path = parseResult.GetValue(output)!;
            WritePage(path, HtmlReportWriter.Write(statistics, files));
            Console.Out.WriteLine($"Wrote {path}: {statistics.Count} decisions from {files.Count} log file(s).");
            return Task.FromResult(reader.SkippedLines == 0 ? ExitCodes.Success : ExitCodes.InvalidInput);
        });
        return command;
    }

    private static void ReadFile(DecisionLogReader reader, ReportStatistics statistics, string file)
    {
        try
        {
            foreach (DecisionLogEntry entry in reader.Read(file))
            {
                statistics.Add(entry);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(
                $"Cannot read the decision log {file}: {exception.Message}", ExitCodes.InvalidInput, exception);
        }
    }

    private static void WritePage(string path, string html)
    {
        try
        {
            File.WriteAllText(path, html, new UTF8Encoding(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"Cannot write the report {path}: {exception.Message}", ExitCodes.InvalidInput, exception);
        }
    }
}
