namespace BatchTui.Core.Requests;

/// <summary>
/// The editor's form: one request written once, as the user typed it (strings, so nothing typed is lost), to be
/// repeated over a list of inputs. <c>{input}</c> in <see cref="UserMessage"/> or <see cref="System"/> is replaced by
/// each input. Empty optional fields are not sent.
/// </summary>
public sealed record RequestTemplate
{
    public string Model { get; init; } = "claude-sonnet-4-5";
    public string MaxTokens { get; init; } = "1024";
    public string System { get; init; } = "";
    public string UserMessage { get; init; } = "{input}";
    /// <summary>Empty = the API default.</summary>
    public string Temperature { get; init; } = "";
    /// <summary>Empty (not sent), <c>enabled</c>, <c>disabled</c> or <c>adaptive</c>.</summary>
    public string ThinkingType { get; init; } = "";
    public string ThinkingBudget { get; init; } = "";
    /// <summary>A JSON array of tool definitions.</summary>
    public string ToolsJson { get; init; } = "";
    /// <summary>One stop sequence per line.</summary>
    public string StopSequences { get; init; } = "";
    /// <summary>A JSON object, e.g. <c>{"user_id": "eval-7"}</c>.</summary>
    public string MetadataJson { get; init; } = "";
    /// <summary>e.g. <c>row-{n}</c> or <c>case-{n:0000}</c>; n counts from 1.</summary>
    public string CustomIdPattern { get; init; } = "row-{n}";

    public const string InputPlaceholder = "{input}";
}
