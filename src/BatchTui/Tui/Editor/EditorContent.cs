using BatchTui.Core.Requests;
using BatchTui.Core.State;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The editor's content as plain immutable data (the view-model's state): what is typed in each mode. Composing it
/// (expanding the form, parsing the raw text, validating) is pure, so it can run off the UI thread on a snapshot.
/// </summary>
public sealed record EditorContent
{
    public EditorMode Mode { get; init; } = EditorMode.Form;
    public RequestTemplate Template { get; init; } = new();
    public string InputsText { get; init; } = "";
    public string RawText { get; init; } = "";
    public string? SourceFile { get; init; }
    public string? RetryOf { get; init; }

    public static EditorContent FromDraft(Draft d) => new()
    {
        Mode = d.Mode,
        Template = d.Template,
        InputsText = d.InputsText,
        RawText = d.RawText,
        SourceFile = d.SourceFile,
        RetryOf = d.RetryOf,
    };

    public Draft ToDraft(string id) => new()
    {
        Id = id,
        Mode = Mode,
        Template = Template,
        InputsText = InputsText,
        RawText = RawText,
        SourceFile = SourceFile,
        RetryOf = RetryOf,
    };

    public Composition Compose() => Mode == EditorMode.Raw ? ComposeRaw() : ComposeForm();

    /// <summary>The form expanded to JSONL, for switching to the raw editor; null when the form has errors.</summary>
    public string? FormAsJsonl()
    {
        TemplateExpansion x = TemplateExpander.Expand(Template, TemplateExpander.InputsFromText(InputsText));
        return x.HasErrors ? null : RequestsJson.ToJsonl(x.Items);
    }

    private Composition ComposeForm()
    {
        TemplateExpansion x = TemplateExpander.Expand(Template, TemplateExpander.InputsFromText(InputsText));
        if (x.HasErrors) return new Composition(null, x.Errors.Select(e => new Problem($"error: {e.Text}", true)).ToList());
        return FromChecked(CheckedRequests.Check(x.Items));
    }

    private Composition ComposeRaw()
    {
        CheckedRequests c = CheckedRequests.Check(RawText);
        return FromChecked(c);
    }

    private static Composition FromChecked(CheckedRequests c)
    {
        var problems = new List<Problem>();
        problems.AddRange(c.Parsed.Errors.Select(e => new Problem($"error {e.Text}", true, e.Line, e.Column)));
        problems.AddRange(c.Report.Errors.Select(m => new Problem($"error: {m.Text}", true, m.Line)));
        problems.AddRange(c.Report.Warnings.Select(m => new Problem($"warning: {m.Text}", false, m.Line)));
        return new Composition(c, problems);
    }
}
