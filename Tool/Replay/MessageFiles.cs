using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExchangeSpfAgent.Tool.Cli;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>Expands the FILE|FOLDER arguments of replay into message files, each with the name it is shown by.</summary>
internal static class MessageFiles
{
    /// <summary>
    /// Returns each file argument as it is, and the files of each folder and its subfolders in ordinal name order,
    /// skipping hidden files (names starting with a dot).
    /// </summary>
    /// <exception cref="ToolException">An argument names neither a file nor a folder.</exception>
    public static List<(string Path, string DisplayName)> Expand(IEnumerable<string> arguments)
    {
        var files = new List<(string, string)>();
        foreach (string argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add((argument, argument));
            }
            else if (Directory.Exists(argument))
            {
                string root = Path.GetFullPath(argument);
                IEnumerable<string> found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(path => !Path.GetFileName(path).StartsWith(".", StringComparison.Ordinal))
                    .OrderBy(path => path, StringComparer.Ordinal);
                files.AddRange(found.Select(path => (path, Relative(root, path))));
            }
            else
            {
                throw new ToolException($"The message file or folder {argument} does not exist.");
            }
        }

        return files;
    }

    private static string Relative(string root, string path) =>
        path.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
