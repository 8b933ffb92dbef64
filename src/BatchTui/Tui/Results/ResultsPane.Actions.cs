using BatchTui.Core.Results.Model;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Results;

// The keys, declared once (the shell derives hints and help from them), and what the filter and move keys do.
public sealed partial class ResultsPane
{
    // R first: after failures it is what the user came for, and hints are cut from the end on a narrow terminal.
    private List<KeyAction> BuildActions() =>
    [
        .. RetryActions(),
        new(Key.T, "type", () => WithModel(m => m.CycleKind()), Description: "filter by result type: succeeded, errored, canceled, expired, unparseable, all"),
        new(Key.S, "stop", () => WithModel(m => m.CycleStopReason()), Description: "filter by stop_reason (cycles through those in the file)"),
        new(Key.X, "error", () => WithModel(m => m.CycleErrorType()), Description: "filter by error type (cycles through those in the file)"),
        new(Key.I, "id glob", AskGlob, Description: "filter custom_ids by a glob: * ? [a-z]; no wildcard = substring"),
        new(new Key('/'), "search", AskText, Description: "full-text search over the raw lines (case-sensitive)"),
        new(Key.C, "clear", () => WithModel(m => m.ClearFilters()), Description: "clear every filter"),
        new(Key.O, "sort", () => WithModel(m => m.CycleSort()), Description: "sort: file order, custom_id, total/input/output tokens"),
        new(Key.R, "reverse", () => WithModel(m => m.ReverseSort()), Hint: false, Description: "reverse the sort order"),
        new(Key.E.WithShift, "expand all", () => { _tree.ExpandAllButHidden(); }, Hint: false, Description: "expand all nodes (thinking and citations stay folded: Enter opens them)"),
        new(Key.C.WithShift, "collapse all", () => { _tree.CollapseAll(); }, Hint: false, Description: "collapse all nodes"),
        new(Key.V, "raw", ToggleRaw, Description: "show the line's raw JSON (pretty) instead of the node's text"),
        new(Key.Y, "copy", Copy, Description: "copy the selected block's text (OSC 52, works over SSH)"),
        new(Key.W, "export", AskExport, Description: "export the current filter to .jsonl (raw), .csv, .txt or .parquet"),
        new(new Key('%'), "stats", OpenStats, Description: "stats of the current filter: counts, histograms, tokens, cost; Enter on a row filters to it"),
        new(Key.J, "down", () => MoveFocused(1), Hint: false, Description: "next row / node"),
        new(Key.K, "up", () => MoveFocused(-1), Hint: false, Description: "previous row / node"),
        new(Key.G, "top", () => JumpFocused(first: true), Hint: false, Description: "first row / node"),
        new(Key.G.WithShift, "bottom", () => JumpFocused(first: false), Hint: false, Description: "last row / node"),
        new(Key.Tab, "focus", CycleFocus, Hint: false, Description: "move between the list, the tree and the text"),
    ];

    private void WithModel(Action<ResultsBrowserModel> act)
    {
        if (_model is null) return;
        act(_model);
        _table.Update();
        if (_model.Selected >= 0) _table.SelectRow(_model.Selected);
        ShowSelected();
        _root.SetNeedsDraw();
    }

    private void AskGlob()
    {
        if (_model is null) return;
        _shell.Prompt("custom_id glob: ", _model.Filter.CustomIdGlob ?? "",
            changed: g => WithModel(m => m.SetGlob(g)), accept: g => WithModel(m => m.SetGlob(g)));
    }

    private void AskText()
    {
        if (_model is null) return;
        _shell.Prompt("search: ", _model.Filter.Text ?? "", changed: null, accept: Search);
    }

    private void MoveFocused(int delta)
    {
        if (_tree.HasFocus) _tree.AdjustSelection(delta);
        else if (_panel.HasFocus) _panel.Scroll(delta);
        else if (_model is not null && _model.View.Count > 0) _table.SelectRow(Math.Max(0, _table.SelectedRow) + delta);
    }

    private void JumpFocused(bool first)
    {
        if (_tree.HasFocus) { if (first) _tree.GoToFirst(); else _tree.GoToEnd(); }
        else if (_panel.HasFocus) _panel.Scroll(first ? int.MinValue / 2 : int.MaxValue / 2);
        else if (_model is not null && _model.View.Count > 0) _table.SelectRow(first ? 0 : _model.View.Count - 1);
    }

    private void CycleFocus()
    {
        if (_table.HasFocus) _tree.SetFocus();
        else if (_tree.HasFocus) _panel.SetFocus();
        else _table.SetFocus();
    }
}
