using System.Reflection;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drivers;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// The app's own themes (<c>themes/*.json</c>, embedded in the executable so an installed binary has them): each a
/// Terminal.Gui 2.5 config in the nested shape, with one custom scheme per <see cref="Rendering.Tone"/>. The current
/// one is Terminal.Gui's runtime configuration, replaced on a live switch. <c>mono</c> forces 16 colours and carries
/// meaning in text style; NO_COLOR picks it unless a theme was asked for by flag.
/// </summary>
public sealed class ThemeCatalog
{
    public static readonly IReadOnlyList<string> Names = ["dark", "light", "high-contrast", "mono"];
    public const string Default = "dark";

    public ThemeCatalog(string? requested, bool noColor)
    {
        Current = Normalize(requested) ?? (noColor ? "mono" : Default);
        NoColor = noColor;
    }

    public string Current { get; private set; }
    private string? _installed;
    public bool NoColor { get; }

    /// <summary>The Terminal.Gui theme name for one of ours: <c>dark</c> → <c>BatchTui Dark</c>.</summary>
    public static string TuiName(string name) => name switch
    {
        "light" => "BatchTui Light",
        "high-contrast" => "BatchTui High Contrast",
        "mono" => "BatchTui Mono",
        _ => "BatchTui Dark",
    };

    /// <summary>Accepts what people type: <c>Dark</c>, <c>hc</c>, <c>high_contrast</c>, <c>16</c>, <c>16-colour</c>.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        string n = name.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return n switch
        {
            "dark" or "default" or "batchtui-dark" => "dark",
            "light" or "batchtui-light" => "light",
            "high-contrast" or "hc" or "contrast" or "batchtui-high-contrast" => "high-contrast",
            "mono" or "16" or "16-colour" or "16-color" or "16colour" or "16color" or "monochrome" or "basic" or "batchtui-mono" => "mono",
            _ => null,
        };
    }

    /// <summary>
    /// The theme file's JSON, from the executable's resources: a whole Terminal.Gui config that selects its theme.
    /// </summary>
    public static string Json(string name)
    {
        Assembly asm = typeof(ThemeCatalog).Assembly;
        using Stream s = asm.GetManifestResourceStream($"BatchTui.Themes.{name}.json")
                         ?? throw new InvalidOperationException($"theme '{name}' is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(s);
        return reader.ReadToEnd();
    }

    /// <summary>Loads the current theme into Terminal.Gui (before or after Init).</summary>
    public void Install(IDriver? driver)
    {
        _installed = null;
        Apply(Current, driver);
    }

    /// <summary>
    /// Makes <paramref name="name"/> the theme on screen. Terminal.Gui holds only that one: its theme lookups
    /// re-sort every configuration key, and with all four themes loaded building the configuration was a quarter of
    /// the native start. A switch rebuilds it, as setting the theme did anyway, and is quicker for the smaller
    /// configuration (bench/tui: "T, the next theme").
    /// </summary>
    public void Apply(string name, IDriver? driver)
    {
        Current = Normalize(name) ?? Default;
        if (_installed != Current)
        {
            TuiConfigurationBuilder.Shared.RuntimeConfig = Json(Current);
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
            _installed = Current;
        }
        ThemeManager.Theme = TuiName(Current);
        if (driver is not null) driver.Force16Colors = Current == "mono" || NoColor;
    }

    /// <summary>Switches to the next theme in <see cref="Names"/> and returns its name.</summary>
    public string Next(IDriver? driver)
    {
        int i = Names.ToList().IndexOf(Current);
        Apply(Names[(i + 1) % Names.Count], driver);
        return Current;
    }

    /// <summary>Undoes <see cref="Install"/> (tests share Terminal.Gui's process-wide configuration).</summary>
    public static void Uninstall()
    {
        TuiConfigurationBuilder.Shared.RuntimeConfig = null;
        ThemeManager.Theme = ThemeManager.DEFAULT_THEME_NAME;
        TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
    }
}
