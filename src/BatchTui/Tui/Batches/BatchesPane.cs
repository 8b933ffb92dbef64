using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Tui.Profiles;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Batches;

/// <summary>
/// The first screen: the batch list and the selected batch's detail, side by side on wide terminals and stacked on
/// narrow ones. Its keys are declared once in <see cref="Actions"/>; the shell derives hints, help and read-only from
/// them.
/// </summary>
public sealed partial class BatchesPane : IRootPane, IFirstScreen, IDisposable
{
    public const int SideBySideWidth = 140;
    private readonly IShell _shell;
    private readonly IBatchesApi _api;
    private readonly PaneFactories _factories;
    private readonly FrameView _listFrame, _detailFrame;
    private readonly View _root;
    private Exception? _lastRefreshError;
    private FlashMessage? _refreshFlash;
    private BatchFilter? _filterBeforePrompt;

    /// <summary>The first page is in: the next frame shows the list.</summary>
    public bool FirstScreenShown => Model.State.Loaded;

    public BatchesPane(IShell shell, IBatchesApi api, int pageSize, TimeSpan? refreshInterval, PaneFactories? factories = null)
    {
        _shell = shell;
        _api = api;
        _factories = factories ?? PaneFactories.None;
        Model = new BatchListModel(api, pageSize, shell.Post);
        Refresher = new AutoRefresher(shell.Time, RefreshPolicy.Every(refreshInterval ?? TimeSpan.FromSeconds(5)),
            async ct => await Model.RefreshAsync(ct).ConfigureAwait(false), automatic: refreshInterval is not null);

        List = new BatchListView(Model, shell.Time) { Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "loading…" };
        Detail = new BatchDetailView(() => Model.State.Selected, shell.Time) { Width = Dim.Fill(), Height = Dim.Fill() };
        Watch = new BatchEndWatch(shell.Time);
        List.Watch = Detail.Watch = Watch;
        List.IsCached = _factories.IsCached;
        NotifyWriter = s => _shell.App.Driver?.WriteRaw(s);
        _listFrame = Frames.Titled("Batches", canFocus: true);
        _detailFrame = Frames.Titled("Detail", canFocus: false);
        _listFrame.KeyBindings.Clear();
        _detailFrame.KeyBindings.Clear();
        _listFrame.Add(List);
        _detailFrame.Add(Detail);

        _root = new OpaqueView { CanFocus = true };
        _root.KeyBindings.Clear();
        _root.Add(_listFrame, _detailFrame);
        _listFrame.X = 0;
        _listFrame.Y = 0;
        _listFrame.Width = Dim.Func(_ => SideBySide ? _root.Viewport.Width - DetailWidth : _root.Viewport.Width);
        _listFrame.Height = Dim.Func(_ => SideBySide ? _root.Viewport.Height : _root.Viewport.Height - DetailHeight);
        _detailFrame.X = Pos.Func(_ => SideBySide ? _root.Viewport.Width - DetailWidth : 0);
        _detailFrame.Y = Pos.Func(_ => SideBySide ? 0 : _root.Viewport.Height - DetailHeight);
        _detailFrame.Width = Dim.Func(_ => SideBySide ? DetailWidth : _root.Viewport.Width);
        _detailFrame.Height = Dim.Func(_ => SideBySide ? _root.Viewport.Height : DetailHeight);
        _root.SubViewLayout += (_, _) => Detail.Compact = !SideBySide && DetailHeight < 17;

        Model.Changed += OnModelChanged;
        Refresher.Changed += () => shell.Post(OnRefresherChanged);
        Labels = InitLabels();
        shell.RefreshText = () => Refresher.Status.Describe(shell.Time.GetUtcNow());
        Actions = BuildActions();
    }

    public string Title => "Batches";
    public View View => _root;
    public IReadOnlyList<KeyAction> Actions { get; }
    public BatchListModel Model { get; }
    public AutoRefresher Refresher { get; }
    public BatchListView List { get; }
    public BatchDetailView Detail { get; }
    public string ListTitle => _listFrame.Title;

    /// <summary>The batches waited for (created here or marked with <c>w</c>) and the archive countdown.</summary>
    public BatchEndWatch Watch { get; }
    /// <summary>How a watched batch's end is announced (config <c>notify</c>).</summary>
    public NotifyMode Notify { get; init; } = NotifyMode.Both;
    /// <summary>Inside tmux: the terminal notification goes through its passthrough.</summary>
    public bool Tmux { get; init; }
    /// <summary>Where the bell / OSC notification bytes go: the terminal, or a test's buffer.</summary>
    public Action<string> NotifyWriter { get; set; }

    private bool SideBySide => _root.Viewport.Width >= SideBySideWidth;
    private int DetailWidth => Math.Clamp(_root.Viewport.Width * 2 / 5, 56, 80);
    private int DetailHeight => _root.Viewport.Height >= 29 ? 17 : 12;

    /// <summary>Loads the newest page (unless <paramref name="loaded"/>: it is already shown) and starts auto-refresh.</summary>
    public void Start(bool loaded = false)
    {
        _shell.Run(async ct =>
        {
            try
            {
                if (!loaded) await Model.LoadNewestAsync(ct).ConfigureAwait(false);
                _shell.Post(() => List.EmptyText = "no batches yet: n creates one");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An empty list after a failure is not "no batches": say what happened and how to try again.
                _shell.Post(() => List.EmptyText = $"could not load the batches ({(e is BatchApiException be ? $"{be.Status?.ToString() ?? "no response"} {be.ErrorType}" : e.GetType().Name)}): r tries again");
                throw;
            }
            finally
            {
                Refresher.Start();
            }
        });
    }

    private IReadOnlyList<KeyAction> BuildActions() =>
    [
        new(Key.J, "move", () => Model.Move(1), Description: "down one batch"),
        new(Key.K, "move", () => Model.Move(-1), Description: "up one batch"),
        new(Key.CursorDown, "move", () => Model.Move(1), Hint: false, Description: "down one batch"),
        new(Key.CursorUp, "move", () => Model.Move(-1), Hint: false, Description: "up one batch"),
        new(Key.G, "top", Model.First, Hint: false, Description: "first batch on the page"),
        new(Key.Home, "top", Model.First, Hint: false, Description: "first batch on the page"),
        new(Key.G.WithShift, "bottom", Model.Last, Hint: false, Description: "last batch on the page"),
        new(Key.End, "bottom", Model.Last, Hint: false, Description: "last batch on the page"),
        new(Key.PageDown, "screen", () => Model.Move(List.RowsVisible), Hint: false, Description: "down a screenful"),
        new(Key.PageUp, "screen", () => Model.Move(-List.RowsVisible), Hint: false, Description: "up a screenful"),
        new(Key.CursorRight, "older", OlderPage, Description: "next (older) page"),
        new(Key.L, "older", OlderPage, Hint: false, Description: "next (older) page"),
        new(Key.CursorLeft, "newer", NewerPage, Description: "previous (newer) page"),
        new(Key.H, "newer", NewerPage, Hint: false, Description: "previous (newer) page"),
        new(Key.H.WithShift, "newest", NewestPage, Hint: false, Description: "back to the newest page"),
        new(Key.Enter, "results", OpenResults, Description: "open the results browser", DisabledReason: WhyNoResults),
        new(Key.O, "results", OpenResults, Hint: false, Description: "open the results browser", DisabledReason: WhyNoResults),
        new(new Key('/'), "filter", Filter, Description: "filter by id, label or status (e.g. /ended 01a)"),
        new(Key.S, "status", CycleStatus, Hint: false, Description: "filter by status: all, in_progress, canceling, ended"),
        new(Key.Esc, "clear", ClearFilter, Hint: false, Description: "clear the filter"),
        new(new Key(':'), "jump", Jump, Description: "jump to a batch id"),
        new(Key.R, "refresh", () => _ = Refresher.RefreshNowAsync(), Description: "refresh now"),
        new(Key.P, "pause", Refresher.TogglePause, Hint: false, Description: "pause or resume auto-refresh"),
        new(Key.P.WithShift, "profiles", OpenProfiles, Hint: false, Description: "switch to another profile from config (no restart)",
            DisabledReason: () => _factories.Profiles is null ? "profiles not available" : null),
        new(Key.C, "cancel", Cancel, Dangerous: true, Description: "cancel the batch (asks first)", DisabledReason: () => Rule(BatchActionRules.WhyNotCancel)),
        new(Key.D, "delete", Delete, Dangerous: true, Description: "delete the batch (asks first)", DisabledReason: () => Rule(BatchActionRules.WhyNotDelete)),
        new(Key.N, "new", NewBatch, Dangerous: true, Description: "compose a new batch"),
        new(Key.W, "watch", ToggleWatch, Hint: false, Description: "notify (bell, terminal) when this batch ends"),
        new(Key.Y, "copy id", CopyId, Hint: false, Description: "copy the batch id (OSC 52)"),
        new(Key.V, "raw", RawJson, Hint: false, Description: "the batch's raw JSON"),
        new(Key.T, "utc", ToggleZone, Hint: false, Description: "times in local time or UTC"),
        new(Key.L.WithShift, "label", SetLabel, Hint: false, Description: "label the batch (kept on this machine; / matches it)"),
        new(Key.N.WithShift, "note", SetNote, Hint: false, Description: "a note on the batch (kept on this machine)"),
        new(Key.C.WithShift, "cache", CacheNow, Hint: false, Description: "download an ended batch's results into the cache now", DisabledReason: () => Rule(BatchActionRules.WhyNoResults)),
        new(Key.J.WithShift, "scroll detail", () => Detail.Scroll(1), Hint: false, Description: "scroll the detail pane down"),
        new(Key.K.WithShift, "scroll detail", () => Detail.Scroll(-1), Hint: false, Description: "scroll the detail pane up"),
    ];

    // ---- actions -------------------------------------------------------------------------------------------------

    private MessageBatch? Selected => Model.State.Selected;

    private void OpenProfiles()
    {
        if (_factories.Profiles is { } profiles) _shell.Push(new ProfilePickerPane(_shell, profiles));
    }

    // The state rules, declared on the actions (Core decides, with the reason): with no batch selected the key does nothing.
    private string? Rule(Func<MessageBatch, string?> why) => Selected is { } b ? why(b) : null;

    private string? WhyNoResults() =>
        Rule(BatchActionRules.WhyNoResults) ?? (_factories.Results is null && Selected is not null ? "results browser not available" : null);

    private void OlderPage() => _shell.Run(async ct =>
    {
        if (!await Model.OlderPageAsync(ct).ConfigureAwait(false)) _shell.Post(() => _shell.Flash("no older batches"));
    });

    private void NewerPage() => _shell.Run(async ct =>
    {
        if (!await Model.NewerPageAsync(ct).ConfigureAwait(false)) _shell.Post(() => _shell.Flash("this is the newest page"));
    });

    private void NewestPage() => _shell.Run(ct => Model.LoadNewestAsync(ct));

    private void OpenResults()
    {
        if (Selected is not { } b || _factories.Results is null) return;
        _shell.Push(_factories.Results(_shell, _api, b, OnCreated));
    }

    private void NewBatch()
    {
        if (_factories.Editor is null) { _shell.FlashProblem("request editor not available"); return; }
        _shell.Push(_factories.Editor(_shell, _api, OnCreated));
    }

    // A batch submitted from a pane this one opened: it shows up selected, and is watched.
    private void OnCreated(MessageBatch created) => _shell.Post(() =>
    {
        Watch.Watch(created);
        Model.Upsert(created, select: true);
        LabelCreated(created);
        _shell.Flash($"created {created.Id}", owner: this); // the list's message, though the editor may still be closing
    });

    private void Filter()
    {
        _filterBeforePrompt = Model.State.Filter;
        _shell.Prompt("/", Model.State.Filter.ToPromptText(),
            text => Model.SetFilter(BatchFilter.Parse(text)),
            text => Model.SetFilter(BatchFilter.Parse(text)),
            () => Model.SetFilter(_filterBeforePrompt ?? BatchFilter.None));
    }

    private void CycleStatus() => Model.SetFilter(Model.State.Filter.NextStatus());

    private void ClearFilter()
    {
        if (!Model.State.Filter.IsEmpty) Model.SetFilter(BatchFilter.None);
    }

    private void Jump() => _shell.Prompt(":", "", null, id =>
    {
        if (string.IsNullOrWhiteSpace(id)) return;
        _shell.Run(ct => Model.JumpToAsync(id, ct));
    });

    private void Cancel()
    {
        if (Selected is not { } b) return;
        _shell.Confirm("Cancel batch",
        [
            $"Cancel {b.Id}?",
            $"{b.Counts.Processing:N0} of {b.Counts.Total:N0} requests are still processing; those not yet",
            "started will be canceled. This cannot be undone.",
        ], () => _shell.Run(async ct =>
        {
            MessageBatch after = await _api.CancelAsync(b.Id, ct).ConfigureAwait(false);
            _shell.Post(() =>
            {
                Model.Upsert(after);
                _shell.Flash($"cancel requested: {b.Id} is {after.Status.ToWire()}");
            });
        }));
    }

    private void Delete()
    {
        if (Selected is not { } b) return;
        _shell.Confirm("Delete batch",
        [
            $"Delete {b.Id}?",
            "The batch and its results are removed from the server. This cannot be undone.",
        ], () => _shell.Run(async ct =>
        {
            string id = await _api.DeleteAsync(b.Id, ct).ConfigureAwait(false);
            _shell.Post(() =>
            {
                Model.Remove(id);
                _shell.Flash($"deleted {id}");
            });
        }));
    }

    public void Dispose()
    {
        Refresher.Dispose();
        Model.Changed -= OnModelChanged;
        _root.Dispose();
    }
}
