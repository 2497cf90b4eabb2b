using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ExchangeSpfAgent.Spf;

namespace ExchangeSpfAgent.Tool.Checking;

/// <summary>
/// Runs <c>check --jsonl</c>: reads one JSON request per line, <c>{"ip":…, "mailfrom":…, "helo":…, "id":…}</c>,
/// and writes one JSON reply per request, in input order, flushed after each line.
/// </summary>
/// <remarks>
/// A request that cannot be evaluated (invalid JSON, a missing field, an invalid IP, a null sender without a HELO
/// name) gets a reply with an <c>error</c> field and the request's 1-based input line in <c>line</c>, and the run
/// goes on. Blank lines are skipped but counted.
/// </remarks>
internal sealed class JsonLinesChecker
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    // The relaxed encoder keeps "+all" and non-ASCII explanation text readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CheckRunner _runner;

    public JsonLinesChecker(CheckRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Processes every line of <paramref name="input"/> and returns the number of requests with an error.</summary>
    public async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        int errors = 0;
        int lineNumber = 0;
        string? line;
        while ((line = await input.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;

            // Windows tools often start a UTF-8 file with a byte order mark, which is not JSON.
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            (string reply, bool isError) = await ReplyAsync(line, lineNumber, cancellationToken).ConfigureAwait(false);
            if (isError)
            {
                errors++;
            }

            await output.WriteLineAsync(reply).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        return errors;
    }

    private async Task<(string Reply, bool IsError)> ReplyAsync(
        string line, int lineNumber, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return Error(null, lineNumber, InvalidJson(exception));
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(null, lineNumber, "The line is not a JSON object.");
            }

            JsonElement? id = root.TryGetProperty("id", out JsonElement idValue) ? idValue : null;
            if (!TryReadString(root, "ip", required: true, out string ipText, out string? problem)
                || !TryReadString(root, "mailfrom", required: true, out string mailFrom, out problem)
                || !TryReadString(root, "helo", required: false, out string helo, out problem))
            {
                return Error(id, lineNumber, problem!);
            }

            if (!CheckAddress.TryParse(ipText, out System.Net.IPAddress client))
            {
                return Error(id, lineNumber, $"\"ip\" '{ipText}' is not an IPv4 or IPv6 address.");
            }

            // RFC 7208 §2.4: the null sender is checked as postmaster@<HELO name>, so it has no domain without one.
            if (NullSender.Is(mailFrom) && helo.Trim().Length == 0)
            {
                return Error(
                    id,
                    lineNumber,
                    "The null sender (\"mailfrom\" empty or \"<>\") is checked as postmaster@HELO, so the request "
                        + "needs \"helo\".");
            }

            SpfCheckResult result = await _runner.CheckMailFromAsync(new CheckRequest(client, mailFrom, helo), cancellationToken)
                .ConfigureAwait(false);
            return (Reply(id, result), false);
        }
    }

    // The parser's message ends with its position within the one line it was given, counted from 0. That would
    // contradict the reply's "line", so the message names the byte instead, counted from 1.
    private static string InvalidJson(JsonException exception)
    {
        string detail = exception.Message;
        int position = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            detail = detail.Substring(0, position);
        }

        long column = (exception.BytePositionInLine ?? 0) + 1;
        return $"The line is not valid JSON at byte {column.ToString(CultureInfo.InvariantCulture)}: {detail}";
    }

    private static bool TryReadString(JsonElement root, string name, bool required, out string value, out string? problem)
    {
        value = string.Empty;
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            problem = required ? $"The request has no \"{name}\"." : null;
            return !required;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problem = $"\"{name}\" must be a string.";
            return false;
        }

        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escape such as \ud800 without its pair is valid JSON but no valid text.
            problem = $"\"{name}\" is not valid text: it contains an unpaired surrogate escape.";
            return false;
        }

        return true;
    }

    private static string Reply(JsonElement? id, SpfCheckResult result) => Write(writer =>
    {
        WriteId(writer, id);
        writer.WriteString("result", SpfResultNames.ToRfcName(result.Result));
        writer.WriteString("explanation", result.Explanation);
        writer.WriteString("mechanism", result.Mechanism);
        if (result.Problem is not null)
        {
            writer.WriteString("problem", result.Problem);
        }

        writer.WriteNumber("dnsQueries", result.DnsQueryCount);
        writer.WriteNumber("cacheHits", result.CacheHitCount);
        writer.WriteNumber("voidLookups", result.VoidLookupCount);
        writer.WriteNumber("elapsedMicroseconds", result.Elapsed.Ticks / TicksPerMicrosecond);
    });

    private static (string Reply, bool IsError) Error(JsonElement? id, int lineNumber, string message)
    {
        string reply = Write(writer =>
        {
            WriteId(writer, id);
            writer.WriteNumber("line", lineNumber);
            writer.WriteString("error", message);
        });
        return (reply, true);
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement? id)
    {
        if (id is { } value)
        {
            writer.WritePropertyName("id");
            value.WriteTo(writer);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
