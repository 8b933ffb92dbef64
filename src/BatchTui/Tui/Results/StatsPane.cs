using BatchTui.Core.Config;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Stats;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>
/// <c>%</c> in the results browser: the stats of the current filter (VisiData's frequency sheet, for results).
/// The index part shows at once; block types, tools, citation domains and text length follow from a background read
/// of the lines with its progress in the header. Enter on a row or bucket narrows the browser's filter to it and
/// goes back; Esc goes back with the filter as it was.
/// </summary>
public sealed class StatsPane : IPane, IDisposable
{
    private readonly IShell _shell;
    private readonly StatsModel _model;
    private readonly Action<ResultsFilter> _apply;
    private readonly CancellationTokenSource _cts = new();
    private readonly View _root;
    private readonly StatsView _view;
    private object? _timer;
    private bool _disposed;

    /// <param name="apply">Sets the browser's filter (Enter); the pane closes itself after.</param>
    public StatsPane(IShell shell, ResultsBrowserModel browser, Action<ResultsFilter> apply, PriceTable? prices = null)
    {
        _shell = shell;
        _apply = apply;
        _model = new StatsModel(browser.Index, browser.View.Rows, browser.Filter, prices ?? StatsPrices.Current);
        Title = $"stats {browser.Title}";
        string what = browser.Filter.IsEmpty ? "all" : browser.Filter.Describe();
        int shown = browser.View.Count;
        bool partial = !browser.Index.IsComplete;
        var header = new LineView(width => new LineBuilder()
            .Add("stats", Tone.Label).Add($" of {shown:N0} result{(shown == 1 ? "" : "s")} · filter {what}")
            .Add(_model.ReadingPercent is { } pct ? $" · reading lines {pct}%" : "", Tone.InProgress)
            .Add(partial ? " · indexed so far only" : "", Tone.Warning)
            .Add($" │ {browser.Title}", Tone.Dim)
            .Build())
        { X = 0, Y = 0, Width = Dim.Fill() };
        _view = new StatsView(_model) { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill() };
        _root = new OpaqueView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _root.Add(header, _view);
        Actions =
        [
            new KeyAction(Key.Enter, "filter", Narrow, Description: "filter the results list to the selected row or bucket and go back"),
            new KeyAction(Key.J, "move", () => _view.Move(1), Description: "next row or bucket"),
            new KeyAction(Key.K, "move", () => _view.Move(-1), Description: "previous row or bucket"),
            new KeyAction(Key.CursorDown, "move", () => _view.Move(1), Hint: false, Description: "next row or bucket"),
            new KeyAction(Key.CursorUp, "move", () => _view.Move(-1), Hint: false, Description: "previous row or bucket"),
            new KeyAction(Key.PageDown, "page", () => _view.Move(Math.Max(1, _view.Viewport.Height - 2)), Hint: false, Description: "a page down"),
            new KeyAction(Key.PageUp, "page", () => _view.Move(-Math.Max(1, _view.Viewport.Height - 2)), Hint: false, Description: "a page up"),
            new KeyAction(Key.G, "top", () => _view.Move(int.MinValue / 2), Hint: false, Description: "first row"),
            new KeyAction(Key.G.WithShift, "bottom", () => _view.Move(int.MaxValue / 2), Hint: false, Description: "last row"),
        ];
        StartReading();
    }

    public string Title { get; }
    public View View => _root;
    public IReadOnlyList<KeyAction> Actions { get; }
    public StatsModel Model => _model;
    public StatsView StatsView => _view;

    /// <summary>Completes when the read of the lines has ended (or failed, or was canceled).</summary>
    public Task ContentRead => _read.Task;
    private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void StartReading()
    {
        CancellationToken ct = _cts.Token;
        _shell.Run(async _ =>
        {
            await Task.Yield();
            try
            {
                ContentStats content = _model.ScanContent(ct);
                _shell.Post(() => { if (!_disposed) { _model.SetContent(content); _root.SetNeedsDraw(); } _read.TrySetResult(); });
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                _read.TrySetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                _shell.Post(() => { if (!_disposed) { _model.SetContentProblem($"reading the file failed: {e.Message}"); _root.SetNeedsDraw(); } _read.TrySetResult(); });
            }
        });
        // Progress: redraw now and then while the read runs.
        _timer = _shell.App.AddTimeout(TimeSpan.FromMilliseconds(200), () =>
        {
            if (_disposed) return false;
            _root.SetNeedsDraw();
            return _model.Reading;
        });
    }

    private void Narrow()
    {
        if (_model.Narrowed(_view.Lines) is not { } filter) { _shell.Flash("no row to filter on"); return; }
        _apply(filter);
        _shell.Pop();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cts.Cancel();
        if (_timer is not null) _shell.App.RemoveTimeout(_timer);
        _root.Dispose();
        _cts.Dispose();
    }
}
