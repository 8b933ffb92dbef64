using BatchTui.Core.Requests;

namespace BatchTui.Core.State;

public enum EditorMode { Form, Raw }

/// <summary>
/// Everything typed in one editor session, as typed (strings), so a restart gives it back exactly. Never holds the
/// API key: only the form, the inputs and the raw text.
/// </summary>
public sealed record Draft
{
    public required string Id { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public EditorMode Mode { get; init; } = EditorMode.Form;
    public RequestTemplate Template { get; init; } = new();
    public string InputsText { get; init; } = "";
    public string RawText { get; init; } = "";
    /// <summary>The file the requests were imported from, if any.</summary>
    public string? SourceFile { get; init; }
    /// <summary>The batch whose failed requests this draft retries, if any.</summary>
    public string? RetryOf { get; init; }

    /// <summary>A one-line description for the "restore draft?" offer.</summary>
    public string Summary
    {
        get
        {
            string what = Mode == EditorMode.Raw
                ? $"raw, {RawText.Split('\n').Count(l => l.Trim().Length > 0)} non-blank lines"
                : $"form, {TemplateExpander.InputsFromText(InputsText).Count} inputs, model {Template.Model}";
            return $"{Id} ({what}{(RetryOf is null ? "" : $", retry of {RetryOf}")})";
        }
    }

    public bool IsEmpty => RawText.Trim().Length == 0 && InputsText.Trim().Length == 0 && Template == new RequestTemplate();
}
