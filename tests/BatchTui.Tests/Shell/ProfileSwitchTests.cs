using BatchTui.Cli;
using BatchTui.Core.Config;
using BatchTui.Tests.Support;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Shell;

/// <summary>
/// P in the batch list: the profiles from config, the one in use marked; Enter switches in place to another
/// simulator (new client, stores and batch list, the header naming it); a profile without a key says why and stays
/// put; a read-only profile's own setting applies after the switch. Two real simulators, wired as TuiCommand does.
/// </summary>
public sealed class ProfileSwitchTests : IAsyncLifetime
{
    private const string MissingVar = "HPROF_UNSET_KEY_16";
    private World _a = null!, _b = null!;
    private string _dir = null!;
    private TuiSessions _sessions = null!;
    private Story _t = null!;

    public async Task InitializeAsync()
    {
        _a = await World.StartAsync(seed: 1, largeBatch: false);
        _b = await World.StartAsync(seed: 2, largeBatch: false);
        _dir = Directory.CreateTempSubdirectory("batchtui-profiles-").FullName;
        string config = Path.Combine(_dir, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            { "profiles": {
                "one":     { "baseUrl": "{{_a.Sim.BaseUrl}}", "apiKey": "{{World.Key}}" },
                "two":     { "baseUrl": "{{_b.Sim.BaseUrl}}", "apiKey": "{{World.Key}}", "workspace": "research" },
                "nokey":   { "baseUrl": "{{_b.Sim.BaseUrl}}", "apiKeyEnv": "{{MissingVar}}" },
                "watcher": { "baseUrl": "{{_b.Sim.BaseUrl}}", "apiKey": "{{World.Key}}", "readOnly": true } } }
            """);
        string[] args = ["--config", config, "--profile", "one", "--refresh-seconds", "0"];
        var env = new Dictionary<string, string?>(); // no ANTHROPIC_API_KEY, and MissingVar unset
        BatchTuiOptions options = ConfigLoader.Load(args, env).Options;
        var tui = new TuiOptions(options.PageSize, options.RefreshSeconds);
        _sessions = new TuiSessions(new ProfileCatalog(args, env), tui, Path.Combine(_dir, "state"), Path.Combine(_dir, "cache"));
        TuiSessions.Opened opened = await _sessions.OpenAsync(options, CancellationToken.None);
        _t = Story.On(_a, api: opened.Api, factories: opened.Panes, info: opened.Info);
    }

    public async Task DisposeAsync()
    {
        _t.Dispose();
        await _sessions.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Url(World w) => w.Sim.BaseUrl.ToString().TrimEnd('/');

    // The picker's rows: "▶" marks the selected one; move to the row of <name>.
    private void SelectProfile(string name)
    {
        _t.Press("kkkkkk"); // the top row first, then down to it
        for (int i = 0; i < 6 && !_t.Lines().Any(l => l.Contains("▶ ", StringComparison.Ordinal) && l.Contains($" {name} ", StringComparison.Ordinal)); i++)
            _t.Press("j");
        _t.Sees("▶ ");
        Assert.Contains(_t.Lines(), l => l.Contains("▶ ", StringComparison.Ordinal) && l.Contains($" {name} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task P_lists_the_profiles_with_the_current_marked_and_Enter_switches_to_the_other_simulator()
    {
        string aFirst = (await _a.AllBatchesAsync())[0].Id, bFirst = (await _b.AllBatchesAsync())[0].Id;
        Assert.NotEqual(aFirst, bFirst);
        _t.Header().Contains("profile one").Contains(Url(_a));
        _t.Sees(aFirst.Replace("msgbatch_", ""));

        _t.Press(Key.P.WithShift);
        _t.Sees("Profiles").Sees("● one").Sees("(in use)");
        Assert.Contains(_t.Lines(), l => l.Contains(" two ", StringComparison.Ordinal) && l.Contains(Url(_b), StringComparison.Ordinal)
            && l.Contains("workspace research", StringComparison.Ordinal));
        Assert.Contains(_t.Lines(), l => l.Contains(" watcher ", StringComparison.Ordinal) && l.Contains("read-only", StringComparison.Ordinal));

        SelectProfile("two");
        _t.Press(Key.Enter);
        _t.Header().Contains("profile two · research").Contains(Url(_b)).DoesNotContain(Url(_a));
        _t.Flash().Contains("switched to profile two");
        _t.Sees(bFirst.Replace("msgbatch_", "")).DoesNotSee(aFirst.Replace("msgbatch_", ""));

        // And back: the picker now marks two.
        _t.Press(Key.P.WithShift).Sees("● two");
        SelectProfile("one");
        _t.Press(Key.Enter);
        _t.Header().Contains("profile one");
        _t.Sees(aFirst.Replace("msgbatch_", ""));
    }

    [Fact]
    public void A_profile_without_its_key_says_so_and_choosing_it_does_not_switch()
    {
        _t.Press(Key.P.WithShift);
        Assert.Contains(_t.Lines(), l => l.Contains(" nokey ", StringComparison.Ordinal) && l.Contains($"no API key: set {MissingVar}", StringComparison.Ordinal));
        SelectProfile("nokey");
        _t.Press(Key.Enter);
        _t.Flash().Contains($"cannot switch to nokey: no API key: set {MissingVar}");
        _t.Sees("Profiles");
        _t.Header().Contains("profile one");
        _t.Press(Key.Esc);
        _t.Header().Contains("profile one");
        _t.DoesNotSee("(in use)");
    }

    [Fact]
    public void After_switching_to_a_read_only_profile_dangerous_actions_are_gone()
    {
        _t.Header().DoesNotContain("read-only");
        _t.Press(Key.P.WithShift);
        SelectProfile("watcher");
        _t.Press(Key.Enter);
        _t.Header().Contains("profile watcher").Contains("[read-only]");
        _t.Press("n");
        _t.Flash().Contains("read-only: \"new\" is turned off");
        _t.Press("c");
        _t.Flash().Contains("read-only: \"cancel\" is turned off");
    }
}
