using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>A few lines of text computed at draw time (summary header, progress), cut to the width.</summary>
public sealed class InfoLines(Func<IReadOnlyList<string>> lines) : View
{
    protected override bool OnDrawingContent(DrawContext? context)
    {
        IReadOnlyList<string> text = lines();
        for (int y = 0; y < Viewport.Height; y++)
        {
            string s = y < text.Count ? text[y] : "";
            if (s.Length > Viewport.Width) s = Viewport.Width > 1 ? s[..(Viewport.Width - 1)] + "…" : "";
            Move(0, y);
            AddStr(s.PadRight(Viewport.Width));
        }
        return true;
    }
}
