using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;

namespace BatchTui.Tests.Support;

/// <summary>
/// A test told as a user's story: the real app (the one shell, the batch list, and the real results browser and
/// request editor behind Enter and <c>n</c>) over a <see cref="World"/>, driven with keys on the headless terminal,
/// asserted on the screen through one small driver per screen:
/// <code>
/// await using Story t = await Story.StartAsync();
/// t.Batches().Select(id).Lines(Contains(id).IsSelected(), Contains(other));
/// t.Press("c"); t.Confirm().Title(Contains("Cancel")).Content(Contains(id)).Yes();
/// t.Flash().Contains($"cancel requested: {id}");
/// </code>
/// A story asserts what is on screen (order and selection included), never a pane's internal state. The World is
/// there to arrange the server side (create a batch, inject a failure) and to read the truth to compare with.
/// </summary>
public sealed class Story : IAsyncDisposable, IDisposable
{
    private readonly bool _ownsWorld;
    private readonly string _dir;

    private Story(World world, bool ownsWorld, int cols, int rows, bool readOnly, int pageSize, string theme, bool panes, CrashLog? crashes,
        IBatchesApi? api = null, PaneFactories? factories = null, ShellInfo? info = null)
    {
        World = world;
        _ownsWorld = ownsWorld;
        _dir = Directory.CreateTempSubdirectory("batchtui-story-").FullName;
        Driver = TuiDriver.Start(api ?? world.Api, world.Time, cols, rows, readOnly, pageSize, factories ?? (panes ? Panes(world, Folder) : null), theme,
            crashes, info);
    }

    /// <summary>A seeded world of its own (disposed with the story) and the app on top of it.</summary>
    /// <param name="panes">false: Enter and <c>n</c> only say the results browser and editor are not available.</param>
    public static async Task<Story> StartAsync(int cols = 100, int rows = 30, bool seedWorld = true, bool readOnly = false,
        int pageSize = 50, string theme = "dark", bool panes = true, CrashLog? crashes = null) =>
        new(await World.StartAsync(seedWorld: seedWorld), ownsWorld: true, cols, rows, readOnly, pageSize, theme, panes, crashes);

    /// <summary>The app over a world the test arranged first (and disposes itself).</summary>
    /// <param name="api">What the app talks to instead of <c>world.Api</c>: a wrapper around it that doctors answers
    /// as a misbehaving server would, or counts calls.</param>
    /// <param name="factories">The pane hooks as a test wired them (the profile switch); <paramref name="info"/>: the header.</param>
    public static Story On(World world, int cols = 100, int rows = 30, bool readOnly = false, int pageSize = 50,
        string theme = "dark", bool panes = true, CrashLog? crashes = null, IBatchesApi? api = null, PaneFactories? factories = null,
        ShellInfo? info = null) =>
        new(world, ownsWorld: false, cols, rows, readOnly, pageSize, theme, panes, crashes, api, factories, info);

    public World World { get; }

    /// <summary>The story's own folder: the results cache is <c>cache/</c>, the editor's drafts and journal <c>state/</c>.</summary>
    public string Folder => _dir;

    /// <summary>The headless terminal underneath; the harness's, not the story's (a story reads the screen).</summary>
    public TuiDriver Driver { get; }

    // The panes behind Enter and n as the app wires them (TuiCommand), with their files in the story's folder.
    private static PaneFactories Panes(World world, string dir)
    {
        var cache = new ResultsStore(Path.Combine(dir, "cache"), world.Time);
        EditorStores stores = EditorStores.At(Path.Combine(dir, "state"), world.Time);
        return new PaneFactories(
            Results: (shell, api, batch, created) => ResultsPane.ForBatch(shell, api, batch, cache,
                retryFailed: (id, failed) => RetryFailed.Open(shell, api, stores, id, failed, created)),
            Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, stores, onSubmitted: created),
            IsCached: b => cache.TryGetCurrent(CacheScope.Of(world.Api), b) is not null);
    }

    // ---- the user ------------------------------------------------------------------------------------------------

    /// <summary>Presses keys: a string is typed key by key, a <c>Key</c> pressed as is; then lets the app settle.</summary>
    public Story Press(params object[] keys)
    {
        Driver.Press(keys);
        return this;
    }

    /// <summary>Types into whatever has focus, settling once at the end.</summary>
    public Story Type(string text)
    {
        Driver.Type(text);
        return this;
    }

    /// <summary>Time passes (auto-refresh, relative times, debounces).</summary>
    public Story Wait(TimeSpan time)
    {
        Driver.Advance(time);
        return this;
    }

    public Story Resize(int cols, int rows)
    {
        Driver.Resize(cols, rows);
        return this;
    }

    public Story Click(int col, int row)
    {
        Driver.Click(col, row);
        return this;
    }

    /// <summary>Settles until the screen shows what <paramref name="seen"/> looks for (work the shell does not track,
    /// a results download): bounded, and a failure shows the screen.</summary>
    public Story Until(Func<IReadOnlyList<string>, bool> seen, string what)
    {
        Driver.Until(() => seen(Lines()), what);
        return this;
    }

    // ---- the screen ----------------------------------------------------------------------------------------------

    public string Screen() => Driver.Screen();

    /// <summary>The screen's lines, top to bottom.</summary>
    public IReadOnlyList<string> Lines() => Driver.Lines();

    /// <summary>Some line on screen contains <paramref name="text"/>.</summary>
    public Story Sees(string text)
    {
        Driver.ExpectLine(text);
        return this;
    }

    public Story DoesNotSee(string text)
    {
        Driver.ExpectNoLine(text);
        return this;
    }

    /// <summary>The screen equals the approved snapshot <c>__snapshots__/NAME.txt</c>.</summary>
    public Story Snapshot(string name)
    {
        Driver.Snapshot(name);
        return this;
    }

    // ---- the screens ---------------------------------------------------------------------------------------------

    public HeaderDriver Header() => new(this);
    public HintsDriver Hints() => new(this);
    public FlashDriver Flash() => new(this);
    public BatchesDriver Batches() => new(this);
    public ConfirmDriver Confirm() => new(this);
    public PromptDriver Prompt(string label) => new(this, label);
    public HelpDriver Help() => new(this);
    public ResultsDriver Results() => new(this);
    public EditorDriver Editor() => new(this);

    /// <summary>No confirmation box is on screen.</summary>
    public Story NoConfirm()
    {
        IReadOnlyList<string> lines = Lines();
        if (ScreenText.DoubleBox(lines) is { } box)
            Assert.Fail($"a confirmation \"{box.Title}\" is open; screen:\n{string.Join('\n', lines)}");
        return this;
    }

    public void Dispose()
    {
        Driver.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_ownsWorld) await World.DisposeAsync();
    }
}
