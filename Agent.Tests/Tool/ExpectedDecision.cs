using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>One row of <c>samples/expected-decisions.tsv</c>: the decision replay must give for a sample message.</summary>
public sealed class ExpectedDecision
{
    private ExpectedDecision(string[] columns)
    {
        File = columns[0];
        OriginIp = Value(columns[1]);
        OriginSource = columns[2];
        Result = columns[3];
        Action = columns[4];
        ResponseCode = Value(columns[5]);
    }

    public string File { get; }

    /// <summary>The origin IP, or null when the decision has none.</summary>
    public string? OriginIp { get; }

    public string OriginSource { get; }

    public string Result { get; }

    public string Action { get; }

    /// <summary>The reply code, or null when the message is accepted without a reply of the agent's.</summary>
    public string? ResponseCode { get; }

    /// <summary>Reads every row; lines starting with # are comments.</summary>
    public static IReadOnlyList<ExpectedDecision> Load() =>
        System.IO.File.ReadAllLines(Path.Combine(ToolRunner.Samples, "expected-decisions.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
            .Select(line => new ExpectedDecision(line.Split('\t')))
            .ToList();

    public override string ToString() => File;

    private static string? Value(string column) => column == "-" ? null : column;
}
