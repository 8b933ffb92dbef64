using BatchTui.Core.State;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>The editor's keys, declared once (the shell derives hints and help from them), and the dialogs they open.</summary>
public sealed partial class RequestEditorPane
{
    private KeyAction[] DeclareActions() =>
    [
        new KeyAction(Key.F2, "validate", ValidateNow, Description: "check every request now; in the raw editor, jump to the first error"),
        // Second, so the hint survives an 80-column terminal: hints are cut from the end.
        new KeyAction(Key.S.WithCtrl, "submit", Submit, Dangerous: true, Description: "preview, confirm and create the batch"),
        new KeyAction(Key.F4, "form/raw", _model.ToggleMode, Description: "switch between the form and the raw JSONL/JSON editor"),
        new KeyAction(Key.F3, "model", PickModel, Description: "pick a model from the known ids (any id can be typed)"),
        new KeyAction(Key.O.WithCtrl, "import", Import, Description: "import a requests .jsonl/.json file (for a retry: the original requests file)"),
        new KeyAction(Key.L.WithCtrl, "inputs file", LoadInputs, Hint: false, Description: "load the form's inputs from a text file, one per line"),
        new KeyAction(Key.F5, "thinking", () => { _form.CycleThinking(); }, Hint: false, Description: "cycle thinking: none, enabled, disabled, adaptive"),
        new KeyAction(Key.F6, "restore draft", _model.RestoreOffered, Hint: false, Description: "restore the draft offered on open"),
        new KeyAction(Key.F7, "retry ids", _model.ToggleRetryIds, Hint: false, Description: "retry: keep the custom_ids or add -retryN"),
        new KeyAction(Key.F8, "discard", Discard, Hint: false, Description: "discard the offered draft, or clear the editor and its draft"),
    ];

    private void ValidateNow()
    {
        if (_model.ValidateNow() is { Line: { } line } first) _raw.Text.MoveTo(line, first.Column ?? 1);
    }

    private void Submit()
    {
        if (_model.Submit() is { } preview) _shell.Confirm("Create this batch?", preview, _model.Confirm);
    }

    private void JumpToProblem()
    {
        // Rows are the problems in order, so the selected row indexes them directly.
        if (_model.Content.Mode != EditorMode.Raw || _problems.SelectedItem is not int i) return;
        if (_model.ProblemAt(i) is { Line: { } line } p) _raw.Text.MoveTo(line, p.Column ?? 1);
    }

    private void PickModel()
    {
        if (_model.Content.Mode != EditorMode.Form)
        {
            _shell.Flash("the model picker is for the form (F4); in the raw editor type \"model\" in params");
            return;
        }
        if (ModelPicker.Pick(_shell.App, _form.Model.Text) is { } id) _form.Model.Text = id;
    }

    private void Import()
    {
        string start = _model.Content.SourceFile ?? (Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar);
        string title = _model.Retry is { } r ? $"Original requests file of {r.BatchId}" : "Import requests (.jsonl / .json)";
        if (PathPrompt.Ask(_shell.App, title, start) is { } path) _model.Import(path);
    }

    private void LoadInputs()
    {
        if (PathPrompt.Ask(_shell.App, "Load inputs (one per line)", Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar) is { } path)
            _model.LoadInputs(path);
    }

    private void Discard()
    {
        if (_model.Offered is { } d)
        {
            if (MessageBox.Query(_shell.App, "Discard draft", $"Delete {d.Summary}?", "Delete", "Keep") == 0) _model.DiscardOffered();
            return;
        }
        if (MessageBox.Query(_shell.App, "Discard", "Clear the editor and delete its draft?", "Clear", "Keep") == 0) _model.Clear();
    }
}
