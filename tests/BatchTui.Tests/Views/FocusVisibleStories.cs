using BatchTui.Tests.Support;
using BatchTui.Tui.Widgets;

namespace BatchTui.Tests.Views;

/// <summary>Focus you can see: in the editor's form the focused field's label is marked, in every theme.</summary>
public sealed class FocusVisibleStories
{
    public static TheoryData<string> Themes() => [.. ThemeCatalog.Names];

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task In_the_editor_form_the_focus_mark_follows_Tab_and_Shift_Tab(string theme)
    {
        await using Story t = await Story.StartAsync(80, 24, seedWorld: false, theme: theme);
        t.Press("n");
        t.Editor().Mode("[Form] Raw")
         .Focused("Model")
         .Tab().Focused("max_tokens")
         .Tab().Focused("temp")
         .BackTab().Focused("max_tokens")
         .BackTab().Focused("Model");
    }

    [Fact]
    public async Task In_mono_the_mark_moves_down_the_form_field_by_field_to_the_message()
    {
        await using Story t = await Story.StartAsync(80, 24, seedWorld: false, theme: "mono");
        t.Press("n");
        EditorDriver editor = t.Editor().Focused("Model");
        string[] order = ["max_tokens", "temp", "Thinking", "budget", "custom_id", "System", "Stop", "metadata", "Tools JSON", "Message"];
        foreach (string label in order) editor.Tab().Focused(label);
    }
}
