using BatchTui.Tui.Text;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// Tone → colour, read from the current theme on every draw so a live theme switch takes effect: each tone is a
/// custom scheme named <c>Tone&lt;Name&gt;</c> (e.g. <c>ToneInProgress</c>) whose Normal role is used. A theme without
/// it falls back to the view's own Normal attribute.
/// </summary>
public static class Palette
{
    public static string SchemeName(Tone tone) => "Tone" + tone;

    public static Attribute For(View view, Tone tone)
    {
        if (tone != Tone.Normal && SchemeManager.TryGetScheme(SchemeName(tone), out Scheme? s) && s is not null) return s.Normal;
        return view.GetAttributeForRole(VisualRole.Normal);
    }

    /// <summary>The selected row: the scheme's Focus role while the list has focus, Highlight otherwise.</summary>
    public static Attribute Selected(View view, bool focused) =>
        view.GetAttributeForRole(focused ? VisualRole.Focus : VisualRole.Highlight);
}
