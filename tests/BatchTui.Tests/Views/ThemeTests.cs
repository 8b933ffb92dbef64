using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tests.Views;

/// <summary>The shipped themes load, switch live, and keep every status distinguishable on screen.</summary>
public class ThemeTests
{
    [Fact]
    public void Every_theme_file_is_embedded_loads_without_errors_and_defines_every_tone()
    {
        try
        {
            var catalog = new ThemeCatalog("dark", noColor: false);
            catalog.Install(null);
            foreach (string name in ThemeCatalog.Names)
            {
                catalog.Apply(name, null);
                Assert.Empty(TuiJsonErrors.GetErrors());
                Assert.Contains(ThemeCatalog.TuiName(name), ThemeManager.GetThemeNames());
                Assert.Equal(ThemeCatalog.TuiName(name), ThemeManager.Theme);
                foreach (Tone tone in Enum.GetValues<Tone>().Where(t => t != Tone.Normal))
                    Assert.True(SchemeManager.TryGetScheme("Tone" + tone, out _), $"{name} lacks Tone{tone}");
            }
        }
        finally
        {
            ThemeCatalog.Uninstall();
        }
    }

    [Theory]
    [InlineData("Dark", "dark")]
    [InlineData("hc", "high-contrast")]
    [InlineData("16-colour", "mono")]
    [InlineData("nonsense", null)]
    public void Theme_names_are_forgiving(string typed, string? expected) => Assert.Equal(expected, ThemeCatalog.Normalize(typed));

    [Fact]
    public void No_color_picks_mono_unless_a_theme_was_asked_for()
    {
        Assert.Equal("mono", new ThemeCatalog(null, noColor: true).Current);
        Assert.Equal("light", new ThemeCatalog("light", noColor: true).Current);
        Assert.Equal("dark", new ThemeCatalog(null, noColor: false).Current);
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("light")]
    [InlineData("high-contrast")]
    [InlineData("mono")]
    public async Task Statuses_look_different_in_every_theme(string theme)
    {
        await using Story t = await Story.StartAsync(theme: theme);
        t.Press("j"); // the first row is selected; compare unselected rows
        IReadOnlyList<string> rows = t.Batches().Rows;
        var seen = new Dictionary<string, Attribute>();
        foreach (string status in new[] { " in_progress ", " canceling ", " ended " })
        {
            int index = rows.ToList().FindIndex(1, r => r.Contains(status, StringComparison.Ordinal));
            if (index < 0) continue;
            seen[status] = StatusCellAttribute(t, index);
        }
        Assert.True(seen.Count >= 2, "the world should have batches in at least two states on the first page");
        Assert.Equal(seen.Count, seen.Values.Distinct().Count());
    }

    [Fact]
    public async Task Shift_t_switches_the_theme_live()
    {
        await using Story t = await Story.StartAsync(theme: "dark");
        Attribute before = StatusCellAttribute(t, 1);
        t.Press("T").Flash().Contains("theme: light");
        Assert.Equal("light", t.Driver.Themes.Current);
        Assert.NotEqual(before, StatusCellAttribute(t, 1));
        t.Press("TTT").Flash().Contains("theme: dark");
    }

    // The attribute of the first cell of the status column on the given visible row (header is row 2).
    private static Attribute StatusCellAttribute(Story t, int index)
    {
        IReadOnlyList<string> lines = t.Lines();
        int row = 3 + index;
        var renderer = new BatchRowRenderer(lines[2].Length - 2); // the list's width inside its frame
        int col = 1 + BatchRowRenderer.UnselectedMarker.Length + renderer.IdWidth + 1;
        Assert.True(lines[row].Length > col + 3, $"row {row} is too short: {lines[row]}");
        return t.Driver.App.Driver!.Contents![row, col].Attribute!.Value;
    }
}
