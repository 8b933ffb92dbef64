using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Batches;

// L (label) and N (note): local data about a batch, so they work in --read-only too. The store is per API origin;
// the list's LABEL column, the detail and the / filter read it.
public sealed partial class BatchesPane
{
    /// <summary>In the note prompt (one line) this stands for a line break of the note.</summary>
    public const string NoteBreak = " ¶ ";

    /// <summary>The labels and notes shown and set here.</summary>
    public LabelStore Labels { get; }

    private LabelStore InitLabels()
    {
        LabelStore labels = _factories.Labels ?? new LabelStore(null, CacheScope.Of(_api), _shell.Time);
        List.LabelOf = labels.LabelOf;
        Detail.NoteOf = labels.Get;
        Model.LabelOf = labels.LabelOf;
        labels.Changed += () => _shell.Post(OnLabelsChanged);
        if (labels.Problem is { } problem) _shell.FlashProblem($"labels not shown: {UntrustedText.ForTerminal(problem)}");
        return labels;
    }

    private void OnLabelsChanged()
    {
        Model.Refilter(); // a label may now match (or no longer match) the / filter
        List.SetNeedsDraw();
        Detail.SetNeedsDraw();
    }

    private void SetLabel()
    {
        if (Selected is not { } b) return;
        string id = b.Id;
        _shell.Prompt("label: ", UntrustedText.ForTerminal(Labels.LabelOf(id)), null, text => Save(id, text, note: false));
    }

    private void SetNote()
    {
        if (Selected is not { } b) return;
        string id = b.Id;
        string initial = UntrustedText.ForTerminal(Labels.Get(id)?.Note?.Replace("\n", NoteBreak, StringComparison.Ordinal));
        _shell.Prompt("note (¶ = new line): ", initial, null, text =>
            Save(id, text.Replace(NoteBreak, "\n", StringComparison.Ordinal).Replace("¶", "\n", StringComparison.Ordinal), note: true));
    }

    private void Save(string id, string text, bool note) => _shell.Run(async ct =>
    {
        BatchNote? now = note
            ? await Labels.SetNoteAsync(id, text, ct).ConfigureAwait(false)
            : await Labels.SetLabelAsync(id, text, ct).ConfigureAwait(false);
        string what = note ? "note" : "label";
        string? value = note ? now?.Note : now?.Label;
        _shell.Post(() => _shell.Flash(value is null
            ? $"{what} of {id} cleared"
            : note ? $"note saved on {id}" : $"labelled {id}: {UntrustedText.ForTerminal(value)}"));
    });

    // A batch submitted from the editor: labelled with its requests file's name, unless it already has a label.
    private void LabelCreated(MessageBatch created)
    {
        if (_factories.SourceOf is not { } sourceOf || Labels.LabelOf(created.Id) is not null) return;
        _shell.Run(async ct =>
        {
            if (LabelText.FromFile(sourceOf(created.Id)) is { } label && Labels.LabelOf(created.Id) is null)
                await Labels.SetLabelAsync(created.Id, label, ct).ConfigureAwait(false);
        });
    }
}
