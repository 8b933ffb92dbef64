using BatchTui.Core.Api;
using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>
/// The results browser: a summary header, the virtual list of results, and the selected result as a tree with its
/// text beside it. Downloading and indexing run in the background with a progress line; the list fills as rows are
/// indexed. Entry points: <see cref="ForBatch"/> (from the batch detail pane) and <see cref="ForFile"/> (<c>open FILE</c>).
/// </summary>
public sealed class ResultsPane : IPane, IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    private readonly IShell _shell;
    private readonly CancellationTokenSource _cts = new();
    private readonly MessageBatch? _batch;
    private readonly PaneView _root;
    private readonly InfoLines _header;
    private readonly ResultsTableView _table;
    private readonly ResultTreeView _tree;
    private readonly TextPanel _panel;
    private readonly PromptLine _prompt;
    private ResultsBrowserModel? _model;
    private ResultsTableSource? _source;
    private string _status = "";
    private bool _raw;
    private object? _timer;
    private bool _disposed;
    private int _shownRow = -2;

    private ResultsPane(IShell shell, string title, MessageBatch? batch)
    {
        _shell = shell;
        _batch = batch;
        Title = title;
        _root = new PaneView(this) { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _header = new InfoLines(HeaderLines) { X = 0, Y = 0, Width = Dim.Fill(), Height = 3 };
        _table = new ResultsTableView { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Percent(40) };
        _tree = new ResultTreeView { X = 0, Y = Pos.Bottom(_table), Width = Dim.Percent(50), Height = Dim.Fill(1) };
        var bar = new InfoLines(() => Enumerable.Repeat("│", 200).ToList()) { X = Pos.Right(_tree), Y = Pos.Bottom(_table), Width = 1, Height = Dim.Fill(1) };
        _panel = new TextPanel { X = Pos.Right(bar), Y = Pos.Bottom(_table), Width = Dim.Fill(), Height = Dim.Fill(1) };
        _prompt = new PromptLine { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
        var footer = new InfoLines(() => [_status]) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        _root.Add(_header, _table, _tree, bar, _panel, footer, _prompt);

        _table.ValueChanged += (_, _) => OnRowMoved();
        _table.Opened += () => _tree.SetFocus();
        _tree.SelectionChanged += (_, _) => ShowNode();
        Actions = BuildActions();
    }

    public string Title { get; }
    public View View => _root;
    public IReadOnlyList<KeyAction> Actions { get; }

    /// <summary>The view-model, once the file is open (null while downloading).</summary>
    public ResultsBrowserModel? Model => _model;
    public string Status => _status;
    public ResultTreeView Tree => _tree;
    public ResultsTableView Table => _table;
    public TextPanel Panel => _panel;
    public PromptLine Prompt => _prompt;
    /// <summary>Completes when the file is indexed (or the download failed); for tests and the CLI.</summary>
    public Task Ready => _ready.Task;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The results of an ended batch: from the cache when there (also after the batch was archived or deleted), else
    /// downloaded now with a progress line. A count mismatch with the batch is shown in the header.
    /// </summary>
    /// <param name="retryFailed">What <c>R</c> does once the results are read: given the batch id and the custom_ids
    /// that errored, expired or were canceled (the editor opens a new batch of them); null = not offered.</param>
    public static ResultsPane ForBatch(IShell shell, IBatchesApi api, MessageBatch batch, ResultsStore store,
        Action<string, IReadOnlyList<string>>? retryFailed = null)
    {
        var pane = new ResultsPane(shell, $"results {batch.Id}", batch) { _retryFailed = retryFailed };
        if (BatchIdRule.Problem(batch.Id) is { } badId)
        {
            pane._status = $"{badId}: its results are not opened";
            pane._ready.TrySetResult();
            return pane;
        }
        if (store.TryGetCurrent(CacheScope.Of(api), batch) is { } cached)
        {
            pane.OpenIndex(cached.Path, cached);
            return pane;
        }
        if (!batch.IsEnded)
        {
            pane._status = $"{batch.Id} has not ended: results are available once every request is done.";
            pane._ready.TrySetResult();
            return pane;
        }
        pane._status = $"downloading the results of {batch.Id}…";
        CancellationToken ct = pane._cts.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                CachedResults got = await store.GetAsync(api, batch, new ProgressOnAnyThread(pane), ct).ConfigureAwait(false);
                pane.Post(() => pane.OpenIndex(got.Path, got));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                pane._ready.TrySetResult();
            }
            catch (Exception e)
            {
                pane.Post(() =>
                {
                    pane._status = $"download failed (press R to retry): {e.Message}"; // the key first: a long message is cut at the edge
                    pane._retryDownload = () => shell.Push(ForBatch(shell, api, batch, store, retryFailed));
                    pane._shell.FlashError(e);
                    pane._ready.TrySetResult();
                });
            }
        }, CancellationToken.None);
        return pane;
    }

    /// <summary>A local results .jsonl, with no API at all.</summary>
    /// <param name="title">What to call it (e.g. the pipe a private copy was made from); default: the file name.</param>
    public static ResultsPane ForFile(IShell shell, string path, string? title = null)
    {
        var pane = new ResultsPane(shell, $"results {title ?? Path.GetFileName(path)}", null);
        pane.OpenIndex(Path.GetFullPath(path), null);
        return pane;
    }

    private Action? _retryDownload;
    private Action<string, IReadOnlyList<string>>? _retryFailed;

    // Progress<T> would post to a SynchronizationContext the UI loop does not have: hand reports to the loop directly.
    private sealed class ProgressOnAnyThread(ResultsPane pane) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => pane.Post(() => pane._status = value.Describe());
    }

    // ---- opening and indexing ----------------------------------------------------------------------------------------

    /// <summary>The custom_ids that errored, expired or were canceled, in file order (the index must be complete).</summary>
    public IReadOnlyList<string> FailedCustomIds() => _model is null ? [] : FailedResults.InIndex(_model.Index);

    // One key, what "retry" means here: the download when it failed, else the requests that failed.
    private void Retry()
    {
        if (_retryDownload is { } again) { again(); return; }
        if (_batch is null || _retryFailed is null) { _shell.Flash("retry failed needs a batch from the API (this is a local file)"); return; }
        // Like n in the list: read-only mode composes no new batch (a failed download is still retried above).
        if (_shell.ReadOnly) { _shell.Flash("read-only: \"retry failed\" is turned off (started with --read-only)"); return; }
        if (_model is null)
        {
            _shell.Flash(_batch.IsEnded ? "still downloading the results: R works once they are read" : $"nothing to retry yet: {_batch.Id} has not ended");
            return;
        }
        if (!_model.Index.IsComplete) { _shell.Flash("still reading the results: R works once every line is indexed"); return; }
        IReadOnlyList<string> failed = FailedCustomIds();
        if (failed.Count == 0) { _shell.Flash($"nothing to retry: no request of {_batch.Id} errored, expired or was canceled"); return; }
        _retryFailed(_batch.Id, failed);
    }

    private void OpenIndex(string path, CachedResults? cached)
    {
        if (_disposed) return;
        ResultsIndex index;
        try
        {
            index = ResultsIndex.Open(path, _cts.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _status = $"cannot open {path}: {e.Message}";
            _ready.TrySetResult();
            return;
        }
        _model = new ResultsBrowserModel(index, Title);
        if (cached is { FromCache: true }) _model.Notes.Add($"cached {cached.DownloadedAt:yyyy-MM-dd HH:mm} UTC (readable offline)");
        if (cached?.Note is { } note) _model.Notes.Add("⚠ " + note);
        if (cached?.LineCountMismatch is { } mismatch) _model.Notes.Add("⚠ " + mismatch);
        _source = new ResultsTableSource(_model);
        _table.Table = _source;
        _status = $"indexing {Path.GetFileName(path)}…";
        // The first screenful as soon as it is indexed, then a refresh every 250 ms until the pass ends.
        // The index pass gets the second core only after that screen is drawn (the nested Post runs after the draw).
        index.WhenRows(Math.Max(50, _table.Viewport.Height)).ContinueWith(_ => Post(() => { Refresh(); Post(index.UseAllCores); }), TaskScheduler.Default);
        index.Completion.ContinueWith(t => Post(() => Finished(t, cached)), TaskScheduler.Default);
        _timer = _shell.App.AddTimeout(RefreshEvery, () =>
        {
            if (_disposed || _model is null) return false;
            if (_model.Stale) Refresh();
            return !_model.Index.IsComplete;
        });
    }

    private void Finished(Task completion, CachedResults? cached)
    {
        if (_model is null) return;
        Refresh();
        ResultsIndex index = _model.Index;
        if (completion.IsFaulted) _status = $"reading the file failed after {index.Count:N0} rows: {completion.Exception?.GetBaseException().Message}";
        else if (completion.IsCanceled) _status = "indexing canceled";
        else
        {
            var s = _model.FileSummary;
            _status = $"indexed {Rows(index.Count)}, {Units.Bytes(index.FileLength)}" +
                      (s.Unparseable > 0 ? $" — {s.Unparseable:N0} unparseable line{(s.Unparseable == 1 ? "" : "s")} (t to filter to them)" : "") +
                      (index.EndsMidLine ? " — the file ends mid-line (half-downloaded?)" : "");
            RequestCounts? expected = _batch?.Counts ?? cached?.Expected;
            if (expected is not null)
                foreach (string p in CountCheck.Compare(expected, s).Where(p => !p.Contains("unparseable", StringComparison.Ordinal)))
                    _model.Notes.Add("⚠ " + p);
        }
        _ready.TrySetResult();
        _root.SetNeedsDraw();
    }

    private void Refresh()
    {
        if (_model is null || _disposed) return;
        _model.Refresh(_cts.Token);
        _table.Update();
        if (_model.Selected >= 0 && _table.SelectedRow != _model.Selected) _table.SelectRow(_model.Selected);
        if (_model.Selected < 0) ShowSelected();
        else if (_model.SelectedRow != _shownRow) ShowSelected();
        _root.SetNeedsDraw();
    }

    private void Post(Action action)
    {
        if (_disposed) return;
        _shell.App.Invoke(() => { if (!_disposed) { action(); _root.SetNeedsDraw(); } });
    }

    // ---- selection -------------------------------------------------------------------------------------------------------

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

    // ---- header --------------------------------------------------------------------------------------------------------

    private IReadOnlyList<string> HeaderLines()
    {
        if (_model is null) return [Title, "", _status];
        string progress = _model.Index.IsComplete ? "" : $" · indexing {_model.Index.CurrentProgress.Fraction:P0}";
        string notes = _model.Notes.Count > 0 ? " │ " + string.Join(" · ", _model.Notes) : "";
        string hist = _model.HistogramLine();
        return [$"{Title} │ {_model.CountsLine()}", _model.TokensLine() + (hist.Length > 0 ? " │ " + hist : ""), _model.FilterLine() + progress + notes];
    }

    // ---- actions ---------------------------------------------------------------------------------------------------

    private List<KeyAction> BuildActions() =>
    [
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
        new(Key.W, "export", AskExport, Description: "export the current filter to .jsonl (raw), .csv or .txt"),
        new(Key.J, "down", () => MoveFocused(1), Hint: false, Description: "next row / node"),
        new(Key.K, "up", () => MoveFocused(-1), Hint: false, Description: "previous row / node"),
        new(Key.G, "top", () => JumpFocused(first: true), Hint: false, Description: "first row / node"),
        new(Key.G.WithShift, "bottom", () => JumpFocused(first: false), Hint: false, Description: "last row / node"),
        new(Key.Tab, "focus", CycleFocus, Hint: false, Description: "move between the list, the tree and the text"),
        new(Key.R.WithShift, "retry", Retry, Hint: _batch is not null, Description: "retry: a new batch of the failed requests (after a failed download: download again)"),
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
        View? back = _root.MostFocused;
        _prompt.Open("custom_id glob: ", _model.Filter.CustomIdGlob ?? "", accept: g => WithModel(m => m.SetGlob(g)),
            changed: g => WithModel(m => m.SetGlob(g)), returnFocus: back);
    }

    private void AskText()
    {
        if (_model is null) return;
        View? back = _root.MostFocused;
        _prompt.Open("search: ", _model.Filter.Text ?? "", accept: Search, returnFocus: back);
    }

    private void Search(string text)
    {
        if (_model is not { } model) return;
        if (string.IsNullOrEmpty(text)) { WithModel(m => m.SetText(null)); return; }
        _status = $"searching for \"{text}\"…";
        CancellationToken ct = _cts.Token;
        // The scan reads the file: off the UI thread; the model then takes the cached hits on the UI thread.
        _ = Task.Run(() =>
        {
            try
            {
                model.WarmSearch(text, ct);
                Post(() =>
                {
                    WithModel(m => m.SetText(text));
                    _status = $"\"{text}\": {model.View.Count:N0} matching rows";
                });
            }
            catch (OperationCanceledException) { }
            catch (IOException e) { Post(() => _shell.FlashError(e)); }
            catch (Exception e) { Post(() => { _status = "search failed"; _shell.Contain(e, "search"); }); }
        }, CancellationToken.None);
    }

    private void AskExport()
    {
        if (_model is null) return;
        string stem = _batch?.Id ?? Path.GetFileNameWithoutExtension(_model.Index.Path);
        View? back = _root.MostFocused;
        _prompt.Open($"export {Rows(_model.View.Count)} to (.jsonl raw / .csv / .txt): ", Path.Combine(Environment.CurrentDirectory, $"{stem}-export.jsonl"),
            accept: Export, returnFocus: back);
    }

    private void Export(string path)
    {
        if (_model is not { } model || string.IsNullOrWhiteSpace(path)) return;
        ExportFormatText.TryFromPath(path, out ExportFormat format);
        var view = model.View;
        _status = $"exporting {Rows(view.Count)}…";
        CancellationToken ct = _cts.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                int n = await ResultsExporter.ExportAsync(view, path, format, ct: ct).ConfigureAwait(false);
                Post(() => { _status = $"exported {Rows(n)} to {path}"; _shell.Flash(_status); });
            }
            catch (OperationCanceledException) { }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Post(() => { _status = $"export failed: {e.Message}"; _shell.FlashError(e); });
            }
            catch (Exception e)
            {
                Post(() => { _status = "export failed"; _shell.Contain(e, "export"); });
            }
        }, CancellationToken.None);
    }

    private static string Rows(int n) => n == 1 ? "1 row" : $"{n:N0} rows";

    private void ToggleRaw()
    {
        _raw = !_raw;
        ShowNode();
    }

    private void Copy()
    {
        if (_model?.Detail is not { } d) return;
        string text, what;
        if (_raw || _tree.SelectedObject is null) { text = d.LineBytes <= 1 << 20 ? d.PrettyJson : d.RawHead(Osc52.MaxBytes + 4); what = "the raw JSON"; }
        else { ResultNode n = _tree.SelectedObject; text = n.CopyText; what = $"the {n.Kind} node"; }
        _shell.Flash(Osc52.Copy(_shell.App, text, what));
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

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cts.Cancel();
        if (_timer is not null) _shell.App.RemoveTimeout(_timer);
        _model?.Index.Dispose();
        _root.Dispose();
        _cts.Dispose();
    }

    /// <summary>The pane's root: Esc while the prompt is open must not leave the pane (the prompt handles it first).</summary>
    private sealed class PaneView(ResultsPane pane) : View
    {
        protected override bool OnKeyDown(Key key) => pane._prompt.IsOpen && key == Key.Esc;
    }
}
