using System.IO;
using System.Text;
using ExchangeSpfAgent.Policy;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>
/// Writes one row per message in aligned columns, then the totals. A value wider than its column pushes the rest
/// of its row to the right rather than being cut.
/// </summary>
internal sealed class ReplayTableWriter : IReplayWriter
{
    private static readonly (string Title, int Width)[] s_columns =
    {
        ("MESSAGE", 40), ("ORIGIN", 17), ("SOURCE", 13), ("HELO", 26), ("MAIL FROM", 32), ("RESULTS", 26), ("ACTION", 8),
        ("RESPONSE", 0),
    };

    private readonly TextWriter _output;
    private bool _headerWritten;

    public ReplayTableWriter(TextWriter output)
    {
        _output = output;
    }

    public void Write(ReplayOutcome outcome)
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            WriteRow(s_columns[0].Title, s_columns[1].Title, s_columns[2].Title, s_columns[3].Title, s_columns[4].Title,
                s_columns[5].Title, s_columns[6].Title, s_columns[7].Title);
        }

        if (outcome.Decision is null)
        {
            _output.WriteLine(outcome.FilePath + "  ERROR " + outcome.Error);
            return;
        }

        MessageDecision decision = outcome.Decision;
        MessageContext context = outcome.Message!.Context;
        string origin = decision.Origin?.Address?.ToString() ?? "-";
        string source = decision.Origin?.Source.ToString() ?? "-";
        string helo = decision.Record.Helo.Length == 0 ? "-" : decision.Record.Helo;
        string mailFrom = context.MailFrom.Length == 0 ? "<>" : context.MailFrom;
        WriteRow(outcome.FilePath, origin, source, helo, mailFrom, ReplayText.Results(decision), ReplayText.Action(decision),
            ReplayText.Response(decision) ?? "-");
    }

    public void WriteTotals(ReplayTotals totals)
    {
        _output.WriteLine();
        _output.WriteLine(totals.ToString());
    }

    private void WriteRow(params string[] values)
    {
        var row = new StringBuilder();
        int target = 0;
        for (int index = 0; index < values.Length; index++)
        {
            if (row.Length > 0)
            {
                row.Append(' ');
            }

            while (row.Length < target)
            {
                row.Append(' ');
            }

            row.Append(values[index]);
            target += s_columns[index].Width + 1;
        }

        _output.WriteLine(row.ToString().TrimEnd());
    }
}
