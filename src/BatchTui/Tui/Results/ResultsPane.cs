using BatchTui.Core.Api;
using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Text;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>
/// The results browser: a summary header, the virtual list of results, and the selected result as a tree with its
/// text beside it. Downloading and indexing run in the background (the shell's one runner) with a progress line; the
/// list fills as rows are indexed. Entry points: <see cref="ForBatch"/> (from the batch list) and
/// <see cref="ForFile"/> (<c>open FILE</c>). Split by concern: opening here; <c>.Actions</c> (keys, filters,
/// navigation), <c>.Export</c> (search, export, copy), <c>.Retry</c> (download again, retry failed), <c>.Shown</c>.
/// </summary>
public sealed partial class ResultsPane : IPane, IFirstScreen, IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    private readonly IShell _shell;
    private readonly CancellationTokenSource _cts = new();
    private readonly MessageBatch? _batch;
    private readonly View _root;
    private readonly InfoLines _header;
    private readonly ResultsTableView _table;
    private readonly ResultTreeView _tree;
    private readonly TextPanel _panel;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ResultsBrowserModel? _model;
    private ResultsTableSource? _source;
    private string _status = "";
    private object? _timer;
    private bool _disposed;

    private ResultsPane(IShell shell, string title, MessageBatch? batch, Action<string, IReadOnlyList<string>>? retryFailed = null)
    {
        _shell = shell;
        _batch = batch;
        _retryFailed = retryFailed;
        Title = title;
        _root = new View { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _header = new InfoLines(HeaderLines) { X = 0, Y = 0, Width = Dim.Fill(), Height = 3 };
        _table = new ResultsTableView { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Percent(40) };
        _tree = new ResultTreeView { X = 0, Y = Pos.Bottom(_table), Width = Dim.Percent(50), Height = Dim.Fill(1) };
        var bar = new InfoLines(() => Enumerable.Repeat("│", 200).ToList()) { X = Pos.Right(_tree), Y = Pos.Bottom(_table), Width = 1, Height = Dim.Fill(1) };
        _panel = new TextPanel { X = Pos.Right(bar), Y = Pos.Bottom(_table), Width = Dim.Fill(), Height = Dim.Fill(1) };
        var footer = new InfoLines(() => [_status]) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        _root.Add(_header, _table, _tree, bar, _panel, footer);

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

    /// <summary>Rows are in the table (or the file has none, or could not be read): the next frame is a real screen.</summary>
    public bool FirstScreenShown { get; private set; }
    public string Status => _status;
    public ResultTreeView Tree => _tree;
    public ResultsTableView Table => _table;
    public TextPanel Panel => _panel;
    /// <summary>Completes when the file is indexed (or the download failed); for tests and the CLI.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// The results of an ended batch: from the cache when there (also after the batch was archived or deleted), else
    /// downloaded now with a progress line. A count mismatch with the batch is shown in the header.
    /// </summary>
    /// <param name="retryFailed">What "retry failed" does once the results are read: given the batch id and the
    /// custom_ids that errored, expired or were canceled (the editor opens a new batch of them); null = not offered.</param>
    public static ResultsPane ForBatch(IShell shell, IBatchesApi api, MessageBatch batch, ResultsStore store,
        Action<string, IReadOnlyList<string>>? retryFailed = null)
    {
        var pane = new ResultsPane(shell, $"results {batch.Id}", batch, retryFailed);
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
        pane.Download(api, store);
        return pane;
    }

    /// <summary>A local results .jsonl, with no API at all.</summary>
    /// <param name="title">What to call it (e.g. the pipe a private copy was made from); default: the file name.</param>
    /// <param name="indexing">Its index pass when already started (<c>open FILE</c> starts it before the terminal is
    /// set up, so the first rows are in when the first frame is drawn); the pane owns it from here.</param>
    public static ResultsPane ForFile(IShell shell, string path, string? title = null, ResultsIndex? indexing = null)
    {
        var pane = new ResultsPane(shell, $"results {title ?? Path.GetFileName(path)}", null);
        pane.OpenIndex(Path.GetFullPath(path), null, indexing);
        return pane;
    }

    // Progress<T> would post to a SynchronizationContext the UI loop does not have: hand reports to the loop directly.
    private sealed class ProgressOnAnyThread(ResultsPane pane) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => pane.Post(() => pane._status = value.Describe());
    }

    // ---- opening and indexing ----------------------------------------------------------------------------------------

    private void Download(IBatchesApi api, ResultsStore store)
    {
        MessageBatch batch = _batch!;
        _status = $"downloading the results of {batch.Id}…";
        // The shell's runner: cancelled when this pane is popped, its failure flashed as this pane's.
        _shell.Run(async ct =>
        {
            try
            {
                using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, _cts.Token);
                CachedResults got = await store.GetAsync(api, batch, new ProgressOnAnyThread(this), both.Token).ConfigureAwait(false);
                Post(() => OpenIndex(got.Path, got));
            }
            catch (OperationCanceledException)
            {
                _ready.TrySetResult();
                throw;
            }
            catch (Exception e)
            {
                Post(() =>
                {
                    _status = $"download failed (press R to retry): {e.Message}"; // the key first: a long message is cut at the edge
                    _downloadAgain = () => _shell.Push(ForBatch(_shell, api, batch, store, _retryFailed));
                    _ready.TrySetResult();
                });
                throw;
            }
        }, this);
    }

    private void OpenIndex(string path, CachedResults? cached, ResultsIndex? indexing = null)
    {
        if (_disposed) return;
        ResultsIndex index;
        try
        {
            index = indexing ?? ResultsIndex.Open(path, _cts.Token);
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
        // A pass started before the pane (open FILE) usually has the first rows already: then the very first frame
        // shows them, instead of an empty table until the posted refresh below gets its turn.
        if (index.Count > 0) Refresh();
        // The indexing pass is the shell's background work too: tests wait for it like for any other, never poll.
        int firstScreen = Math.Clamp(_table.Viewport.Height, 50, ResultsIndex.FirstScreenRows); // the pass pauses there
        _shell.Run(async ct =>
        {
            // The first screenful as soon as it is indexed, then a refresh every 250 ms until the pass ends.
            await index.WhenRows(firstScreen).WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // The index pass gets the second core only after that screen is drawn (the nested Post runs after the draw).
            Post(() => { Refresh(); Post(index.UseAllCores); });
            Task completion = index.Completion;
            await completion.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ct.ThrowIfCancellationRequested();
            Post(() => Finished(completion, cached));
        }, this);
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
        FirstScreenShown |= _model.View.Count > 0 || _model.Index.IsComplete;
        if (_model.Selected >= 0 && _table.SelectedRow != _model.Selected) _table.SelectRow(_model.Selected);
        if (_model.Selected < 0) ShowSelected();
        else if (_model.SelectedRow != _shownRow) ShowSelected();
        _root.SetNeedsDraw();
    }

    // On the UI loop, unless the pane has closed by then.
    private void Post(Action action)
    {
        if (_disposed) return;
        _shell.Post(() => { if (!_disposed) { action(); _root.SetNeedsDraw(); } });
    }

    private static string Rows(int n) => n == 1 ? "1 row" : $"{n:N0} rows";

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
}
