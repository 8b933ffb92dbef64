using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The focused form field draws in its own attribute, so where typing goes can be seen at a glance: the theme's
/// <c>FieldFocus</c> scheme (every theme has one; <c>mono</c>'s is reverse video, which reads without colour and with
/// NO_COLOR), or, in a theme without it, the field's own colours reversed. The label's ▸ marks it as well.
/// </summary>
internal static class FieldFocus
{
    public const string SchemeName = "FieldFocus";

    /// <summary>While <paramref name="owner"/> has focus, <paramref name="text"/> (the view drawing its text) uses <see cref="For"/>.</summary>
    public static void Follow(View owner, View text)
    {
        text.GettingAttributeForRole += (_, e) =>
        {
            if (!owner.HasFocus || e.Role is not (VisualRole.Normal or VisualRole.Focus or VisualRole.Editable)) return;
            e.Result = For(text);
            e.Handled = true;
        };
        owner.HasFocusChanged += (_, _) => text.SetNeedsDraw();
    }

    public static Attribute For(View view)
    {
        if (SchemeManager.TryGetScheme(SchemeName, out Scheme? s) && s is not null) return s.Normal;
        Attribute a = view.GetScheme().Editable;
        return new Attribute(a.Background, a.Foreground, a.Style);
    }
}
