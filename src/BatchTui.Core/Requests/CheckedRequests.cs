using BatchTui.Core.Api;
using System.Text.Json;

namespace BatchTui.Core.Requests;

/// <summary>
/// A requests text read, validated and previewed: the one object the editor, the <c>create</c> command and retry
/// all go through before sending. It can be sent only when it has no syntax errors and no validation errors.
/// </summary>
public sealed class CheckedRequests
{
    private CheckedRequests(ParsedRequests parsed, ValidationReport report, IReadOnlyList<BatchRequestItem> items, RequestsPreview preview)
    {
        Parsed = parsed;
        Report = report;
        Items = items;
        Preview = preview;
    }

    public ParsedRequests Parsed { get; }
    public ValidationReport Report { get; }
    /// <summary>The well-formed requests (custom_id a string, params an object), in order.</summary>
    public IReadOnlyList<BatchRequestItem> Items { get; }
    public RequestsPreview Preview { get; }

    public bool CanSubmit => !Parsed.HasErrors && Report.IsValid;

    /// <summary>Every problem as one line each: syntax errors first, then validation errors, then warnings.</summary>
    public IEnumerable<string> MessageLines =>
        Parsed.Errors.Select(e => $"error: {e.Text}")
            .Concat(Report.Errors.Select(m => $"error: {m.Text}"))
            .Concat(Report.Warnings.Select(m => $"warning: {m.Text}"));

    public static CheckedRequests Check(string text, BatchLimits? limits = null) => Check(RequestsParser.Parse(text), limits);

    /// <summary>Reads, parses and checks a requests file; one over the body limit is refused while reading (<see cref="Input.InputTooLargeException"/>).</summary>
    public static async Task<CheckedRequests> CheckFileAsync(string path, BatchLimits? limits = null, CancellationToken ct = default) =>
        Check(await RequestsParser.ParseFileAsync(path, (limits ?? BatchLimits.Api).MaxBodyBytes, ct), limits);

    public static CheckedRequests Check(IReadOnlyList<BatchRequestItem> items, BatchLimits? limits = null)
    {
        var entries = items.Select((item, i) => new RequestEntry(i + 1, null, RequestsJson.ToElement(item))).ToList();
        return Check(new ParsedRequests(RequestsFormat.Jsonl, entries, []), limits);
    }

    public static CheckedRequests Check(ParsedRequests parsed, BatchLimits? limits = null)
    {
        var items = parsed.Entries
            .Where(e => e.CustomId is not null && e.Params is { ValueKind: JsonValueKind.Object })
            .Select(e => new BatchRequestItem(e.CustomId!, e.Params!.Value))
            .ToList();
        long body = RequestsJson.MeasureBody(items);
        ValidationReport report = RequestValidator.Validate(parsed.Entries, body, limits);
        return new CheckedRequests(parsed, report, items, RequestsPreview.Of(items, body));
    }

    public BatchCreateRequest ToCreateRequest()
    {
        if (!CanSubmit) throw new InvalidOperationException("the requests have errors; fix them before sending");
        return new BatchCreateRequest(Items);
    }
}
