using BatchTui.Core.Api;
using BatchTui.Core.Results.Blocks;
using BatchTui.Core.Results.Index;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Model;

/// <summary>
/// One result line, fully parsed only now that it is shown: the tree of nodes (message header, then one node per
/// content block; or the error; or what canceled / expired means), and the line as pretty JSON for the raw view.
/// </summary>
public sealed class ResultDetail
{
    private readonly byte[] _line;
    private string? _pretty;

    private ResultDetail(byte[] line, string customId, ResultKind kind, IReadOnlyList<ResultNode> nodes, string? problem)
    {
        _line = line;
        CustomId = customId;
        Kind = kind;
        Nodes = nodes;
        Problem = problem;
    }

    public string CustomId { get; }
    public ResultKind Kind { get; }
    /// <summary>The tree's roots.</summary>
    public IReadOnlyList<ResultNode> Nodes { get; }
    /// <summary>Why the line could not be read, for unparseable lines.</summary>
    public string? Problem { get; }

    /// <summary>The line's size in bytes.</summary>
    public int LineBytes => _line.Length;

    /// <summary>The start of the line as text, up to <paramref name="maxBytes"/> (a 50 MB line is looked at, not
    /// re-indented whole).</summary>
    public string RawHead(int maxBytes) => Encoding.UTF8.GetString(_line, 0, Math.Min(_line.Length, Math.Max(0, maxBytes)));

    /// <summary>The whole line as indented JSON; the raw text (invalid bytes replaced) when it is not JSON.</summary>
    public string PrettyJson => _pretty ??= MakePretty();

    public static ResultDetail Parse(byte[] line, BlockRenderers? renderers = null, string? knownProblem = null)
    {
        renderers ??= BlockRenderers.Default;
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize(line, CoreJson.Default.JsonElement);
        }
        catch (JsonException e)
        {
            return Unparseable(line, knownProblem ?? e.Message);
        }
        if (knownProblem is not null && root.ValueKind != JsonValueKind.Object) return Unparseable(line, knownProblem);
        string customId = root.Str("custom_id") ?? "";
        JsonElement result = root.Prop("result") ?? default;
        string? type = result.Str("type");
        if (knownProblem is not null || result.ValueKind != JsonValueKind.Object)
            return Unparseable(line, knownProblem ?? "not a result: no result object");
        return type switch
        {
            "succeeded" => new ResultDetail(line, customId, ResultKind.Succeeded, Succeeded(result, renderers), null),
            "errored" => new ResultDetail(line, customId, ResultKind.Errored, [Errored(result)], null),
            "canceled" => new ResultDetail(line, customId, ResultKind.Canceled,
                [new ResultNode("canceled", "canceled: the batch was canceled before this request was processed",
                    "This request was never run: the batch was canceled before it got to it. There is no message and no charge for it; resubmit it in a new batch to get a result.", raw: result)], null),
            "expired" => new ResultDetail(line, customId, ResultKind.Expired,
                [new ResultNode("expired", "expired: the batch reached its 24-hour limit before this request was processed",
                    "This request was never run: the batch expired (24 hours after creation) before it got to it. There is no message and no charge for it; resubmit it in a new batch.", raw: result)], null),
            _ => new ResultDetail(line, customId, ResultKind.Unknown,
                [Blocks.Nodes.JsonValue($"result type \"{type ?? "(none)"}\" is not known to this version; shown as JSON", result)], null),
        };
    }

    private static ResultDetail Unparseable(byte[] line, string problem)
    {
        string preview = Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 4096));
        return new ResultDetail(line, "", ResultKind.Unparseable,
            [new ResultNode("unparseable", problem.Contains("unparseable", StringComparison.Ordinal) ? problem : $"unparseable — {problem}",
                $"{problem}\n\n{line.Length:N0} bytes; the start of the line:\n{preview}")], problem);
    }

    private static IReadOnlyList<ResultNode> Succeeded(JsonElement result, BlockRenderers renderers)
    {
        JsonElement m = result.Prop("message") ?? default;
        var nodes = new List<ResultNode> { MessageHeader.Render(m) };
        foreach (JsonElement block in m.Items("content")) nodes.Add(renderers.Render(block));
        if (m.Prop("content") is null) nodes.Add(new ResultNode("note", "no content blocks"));
        return nodes;
    }

    private static ResultNode Errored(JsonElement result)
    {
        JsonElement envelope = result.Prop("error") ?? default;
        // The API envelope {"type":"error","error":{type,message},"request_id"}, or the bare error object.
        JsonElement inner = envelope.Prop("error") ?? envelope;
        string type = inner.Str("type") ?? "unknown_error";
        string message = inner.Str("message") ?? "(no message)";
        string? requestId = envelope.Str("request_id") ?? result.Str("request_id");
        var children = new List<ResultNode> { Blocks.Nodes.Field("error type", type), new("message", $"message: {Json.FirstLine(message, 90)}", message, copyText: message) };
        if (requestId is not null) children.Add(Blocks.Nodes.Field("request_id", requestId));
        return new ResultNode("errored", $"errored: {type} — {Json.FirstLine(message, 70)}",
            $"{type}\n{message}{(requestId is null ? "" : $"\nrequest_id: {requestId}")}\n\n{ErrorMeaning(type)}", children, raw: envelope, copyText: message);
    }

    private static string ErrorMeaning(string type) => type switch
    {
        "invalid_request_error" => "The request itself was invalid (check its params); retrying unchanged will fail again.",
        "authentication_error" => "The API key was not accepted.",
        "billing_error" => "The workspace's billing needs attention.",
        "permission_error" => "The key has no permission for this model or feature.",
        "not_found_error" => "Something the request referred to (model, file) was not found.",
        "rate_limit_error" => "A rate limit was hit; resubmitting later should work.",
        "timeout_error" => "The request timed out; resubmitting should work.",
        "api_error" => "An internal API error; resubmitting should work.",
        "overloaded_error" => "The API was overloaded; resubmitting later should work.",
        _ => "An error type this version does not know.",
    };

    private string MakePretty()
    {
        try
        {
            return Json.Pretty(JsonSerializer.Deserialize(_line, CoreJson.Default.JsonElement));
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(_line);
        }
    }
}
