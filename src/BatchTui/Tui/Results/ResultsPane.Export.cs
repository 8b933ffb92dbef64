using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Model;
using BatchTui.Tui.Shell;

namespace BatchTui.Tui.Results;

// Search, export and copy: the two that read or write the file run on the shell's runner, owned by this pane.
public sealed partial class ResultsPane
{
    private void Search(string text)
    {
        if (_model is not { } model) return;
        if (string.IsNullOrEmpty(text)) { WithModel(m => m.SetText(null)); return; }
        _status = $"searching for \"{text}\"…";
        // The scan reads the file: off the UI thread; the model then takes the cached hits on the UI thread.
        _shell.Run(ct =>
        {
            try
            {
                model.WarmSearch(text, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Post(() => _status = "search failed");
                throw; // the shell flashes it (an I/O error) or contains it (a bug)
            }
            Post(() =>
            {
                WithModel(m => m.SetText(text));
                _status = $"\"{text}\": {model.View.Count:N0} matching rows";
            });
            return Task.CompletedTask;
        }, this);
    }

    private void AskExport()
    {
        if (_model is null) return;
        string stem = _batch?.Id ?? Path.GetFileNameWithoutExtension(_model.Index.Path);
        _shell.Prompt($"export {Rows(_model.View.Count)} to (.jsonl raw / .csv / .txt / .parquet): ", Path.Combine(Environment.CurrentDirectory, $"{stem}-export.jsonl"),
            changed: null, accept: Export);
    }

    private void Export(string path)
    {
        if (_model is not { } model || string.IsNullOrWhiteSpace(path)) return;
        ExportFormatText.TryFromPath(path, out ExportFormat format);
        var view = model.View;
        _status = $"exporting {Rows(view.Count)}…";
        _shell.Run(async ct =>
        {
            int n;
            try
            {
                n = await ResultsExporter.ExportAsync(view, path, format, ct: ct, batchId: _batch?.Id).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Post(() => _status = e is IOException or UnauthorizedAccessException ? $"export failed: {e.Message}" : "export failed");
                throw;
            }
            Post(() => { _status = $"exported {Rows(n)} to {path}"; _shell.Flash(_status); });
        }, this);
    }

    private void Copy()
    {
        if (_model?.Detail is not { } d) return;
        string text, what;
        if (_raw || _tree.SelectedObject is null) { text = d.LineBytes <= 1 << 20 ? d.PrettyJson : d.RawHead(Osc52.MaxBytes + 4); what = "the raw JSON"; }
        else { ResultNode n = _tree.SelectedObject; text = n.CopyText; what = $"the {n.Kind} node"; }
        _shell.Copy(text, what);
    }
}
