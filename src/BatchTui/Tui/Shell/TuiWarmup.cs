using BatchTui.Tui.Widgets;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Terminal.Gui's own start — its module initializer builds its configuration, then our theme is built into it — needs
/// nothing but the theme options, yet it was the largest share of a JIT start before the first frame (perf: ~40 % of the
/// CPU). Begun as soon as the theme is known, it runs on the second core while the first reads the rest of the config,
/// opens the API client and fetches the first page; <see cref="TuiApp"/> takes the installed themes when it gets there.
/// Nothing else may touch Terminal.Gui in between (the CLI does not).
/// </summary>
internal static class TuiWarmup
{
    private static (string? Theme, bool NoColor, Task<ThemeCatalog> Installed)? _begun;

    public static void Begin(string? theme, bool noColor)
    {
        _begun = (theme, noColor, Task.Run(() =>
        {
            var themes = new ThemeCatalog(theme, noColor);
            themes.Install(null);
            return themes;
        }));
    }

    /// <summary>The themes for <paramref name="options"/>, installed: the warm-up's when it was begun with the same ones.</summary>
    public static ThemeCatalog Themes(TuiOptions options)
    {
        var begun = _begun;
        _begun = null;
        if (begun is { } b)
        {
            ThemeCatalog installed = b.Installed.GetAwaiter().GetResult(); // never touch Terminal.Gui while it runs
            if (b.Theme == options.Theme && b.NoColor == options.NoColor) return installed;
        }
        var themes = new ThemeCatalog(options.Theme, options.NoColor);
        themes.Install(null);
        return themes;
    }
}
