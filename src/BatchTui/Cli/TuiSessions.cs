using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Hosting;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Profiles;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;

namespace BatchTui.Cli;

/// <summary>
/// Everything the TUI runs on for one profile (API client, results cache, labels, the panes' hooks), and the switch
/// to another profile (<c>P</c>) without a restart: the new profile gets its own connection and its own origin-keyed
/// stores; the previous connection is closed once the new batch list is shown. Disposing closes what is still open.
/// </summary>
/// <param name="stateDir">Labels, drafts and journal (null: <c>$XDG_STATE_HOME/batchtui</c>); <paramref name="cacheDir"/>: the
/// results cache (null: the default one). Tests give folders of their own.</param>
internal sealed class TuiSessions(ProfileCatalog catalog, TuiOptions tui, string? stateDir = null, string? cacheDir = null, CrashLog? crashes = null) : IAsyncDisposable
{
    private readonly string _stateDir = stateDir ?? StateDirectory.Resolve();
    private readonly EditorStores _editorStores = // drafts and journal: keyed by origin inside
        stateDir is null ? EditorStores.Default() : EditorStores.At(stateDir, TimeProvider.System);
    private readonly List<Opened> _open = [];
    private Opened? _current;

    /// <summary>One profile's connection and what was built on it.</summary>
    internal sealed record Opened(ApiConnection Connection, DemoResultsCache? DemoCache, ShellInfo Info, PaneFactories Panes)
    {
        public IBatchesApi Api => Connection.Api;

        public async ValueTask CloseAsync()
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
            DemoCache?.Dispose();
        }
    }

    /// <summary>Opens the connection for <paramref name="options"/> and builds the stores and pane hooks on it.</summary>
    public async Task<Opened> OpenAsync(BatchTuiOptions options, CancellationToken ct)
    {
        ApiConnection connection = await ApiConnection.OpenAsync(options, ct).ConfigureAwait(false);
        DemoResultsCache? demoCache = connection.IsSimulator ? new DemoResultsCache() : null;
        var results = new ResultsStore(demoCache?.Path ?? cacheDir);
        CacheScope scope = CacheScope.Of(connection.Api);
        EditorStores editorStores = _editorStores;
        var panes = new PaneFactories(
            Results: (shell, api, batch, created) => ResultsPane.ForBatch(shell, api, batch, results,
                retryFailed: (id, failed) => RetryFailed.Open(shell, api, editorStores, id, failed, created)),
            Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, editorStores, onSubmitted: created),
            IsCached: b => results.TryGetCurrent(scope, b) is not null,
            // The demo simulator's origin and ids are new every run: its labels live in memory only.
            Labels: connection.IsSimulator ? null : LabelStore.Open(_stateDir, scope),
            SourceOf: editorStores.Journal.SourceFileOf,
            CacheResults: (b, progress, token) => results.GetAsync(scope, connection.Api, b, progress, token),
            Profiles: new ProfileSwitch(options.ProfileName, () => catalog.List(options.ProfileName), OpenProfileAsync));
        var opened = new Opened(connection, demoCache,
            new ShellInfo(connection.ProfileName, connection.BaseUrl, connection.IsSimulator, options.ReadOnly)
            {
                Workspace = connection.IsSimulator ? null : options.Workspace,
            }, panes);
        lock (_open)
        {
            _open.Add(opened);
            _current ??= opened;
        }
        return opened;
    }

    // P, Enter: the profile as --profile NAME would resolve it now; one without a key never gets this far (the
    // picker shows why), but the environment may have changed since the picker listed it.
    private async Task<ProfileSession> OpenProfileAsync(string name, CancellationToken ct)
    {
        ProfileSummary summary = catalog.Describe(name);
        if (summary.Options is not { } options || summary.Unusable is not null)
            throw new InvalidOperationException($"cannot switch to {name}: {summary.Unusable}");
        crashes?.AlsoScrub(options.ApiKey); // a report written after the switch may quote this key too
        Opened opened = await OpenAsync(options, ct).ConfigureAwait(false);
        return new ProfileSession(opened.Info,
            shell => TuiApp.BatchList(shell, opened.Api, tui, opened.Panes),
            Activate: () => Close(Swap(opened)),
            Abandon: () => Close(opened));
    }

    private Opened? Swap(Opened next)
    {
        lock (_open)
        {
            Opened? previous = _current;
            _current = next;
            return previous;
        }
    }

    // Off the UI thread: stopping a demo simulator takes a moment, and the old list's requests are already cancelled.
    private void Close(Opened? opened)
    {
        if (opened is null) return;
        lock (_open) _open.Remove(opened);
        _ = Task.Run(async () => await opened.CloseAsync().ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        List<Opened> all;
        lock (_open)
        {
            all = [.. _open];
            _open.Clear();
        }
        foreach (Opened o in all) await o.CloseAsync().ConfigureAwait(false);
    }
}
