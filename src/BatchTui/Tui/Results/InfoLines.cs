using BatchTui.Core.Text;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>A few lines of text computed at draw time (summary header, progress), sanitised and cut to the width.</summary>
public sealed class InfoLines(Func<IReadOnlyList<string>> lines) : View
{
    protected override bool OnDrawingContent(DrawContext? context)
    {
        IReadOnlyList<string> text = lines();
        for (int y = 0; y < Viewport.Height; y++)
        {
            string s = y < text.Count ? UntrustedText.ForTerminal(TextWidth.Head(text[y], 4096)) : "";
            Move(0, y);
            AddStr(TextWidth.Fit(s, Viewport.Width));
        }
        return true;
    }
}
