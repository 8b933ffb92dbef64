using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using BatchTui.Tui.Text;

namespace BatchTui.Tui.Results;

// What is shown: the selected row's tree, the node's text (bounded) and the header lines.
public sealed partial class ResultsPane
{
    private bool _raw;
    private int _shownRow = -2;

    private void OnRowMoved()
    {
        if (_model is null) return;
        int row = _table.SelectedRow;
        if (row >= 0 && row != _model.Selected) _model.Select(row);
        ShowSelected();
    }

    private void ShowSelected()
    {
        if (_model is null) return;
        _shownRow = _model.SelectedRow ?? -1;
        ResultDetail? d = _model.Detail;
        _tree.Show(d?.Nodes ?? []);
        ShowNode();
    }

    private void ShowNode()
    {
        // Bounded here with the way to the rest; a 50 MB block once froze the UI for minutes.
        if (_raw) { _panel.Content = RawShown(_model?.Detail); return; }
        ResultNode? n = _tree.SelectedObject;
        // A node without text of its own shows its label and its children's, so the header reads in full.
        _panel.Content = n is null ? "" : TextCap.Head(n.Detail ?? string.Join("\n", [n.Label, "", .. n.Children.Select(c => c.Label)]), "v shows raw / w exports");
    }

    // The line as pretty JSON; a line of more than a megabyte as it is, its start only (re-indenting 50 MB took
    // seconds and half a gigabyte to show one screenful).
    private static string RawShown(ResultDetail? d)
    {
        const string Rest = "w exports the row (.jsonl keeps it whole)";
        if (d is null) return "";
        if (d.LineBytes <= 1 << 20) return TextCap.Head(d.PrettyJson, Rest);
        string head = d.RawHead(TextCap.MaxChars);
        return $"{head}\n\n… {Units.Bytes(d.LineBytes - System.Text.Encoding.UTF8.GetByteCount(head))} more (not re-indented: the line is {Units.Bytes(d.LineBytes)}), {Rest}";
    }

    private void OpenStats()
    {
        if (_model is null) { _shell.Flash("no results yet: stats open once the file is read"); return; }
        _shell.Push(new StatsPane(_shell, _model, f => WithModel(m => m.SetFilter(f))));
    }

    private void ToggleRaw()
    {
        _raw = !_raw;
        ShowNode();
    }

    private IReadOnlyList<string> HeaderLines()
    {
        if (_model is null) return [Title, "", _status];
        string progress = _model.Index.IsComplete ? "" : $" · indexing {_model.Index.CurrentProgress.Fraction:P0}";
        string notes = _model.Notes.Count > 0 ? " │ " + string.Join(" · ", _model.Notes) : "";
        string hist = _model.HistogramLine();
        return [$"{Title} │ {_model.CountsLine()}", _model.TokensLine() + (hist.Length > 0 ? " │ " + hist : ""), _model.FilterLine() + progress + notes];
    }
}
