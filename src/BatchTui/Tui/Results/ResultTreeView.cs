using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>
/// The selected result as a tree of <see cref="ResultNode"/>s; Enter toggles the node under the cursor.
/// Terminal.Gui's tree builds a line's cells one UTF-16 char at a time, so a label holding an emoji (a surrogate pair)
/// threw in the middle of a draw. The tree is given a placeholder of plain chars as wide as the sanitised label, and
/// <see cref="TreeView{T}.DrawLine"/> draws the label itself, cut by grapheme cluster to the cells the tree gave it.
/// </summary>
public sealed class ResultTreeView : TreeView<ResultNode>
{
    // A label longer than this is cut before it is sanitised and measured (a 50 MB field value is still one line).
    private const int MaxLabelChars = 4096;
    private readonly Dictionary<ResultNode, (string Label, string Placeholder)> _shown = new(ReferenceEqualityComparer.Instance);

    public ResultTreeView()
    {
        TreeBuilder = new DelegateTreeBuilder<ResultNode>(n => n.Children, n => n.HasChildren);
        AspectGetter = n => Shown(n).Placeholder;
        AllowLetterBasedNavigation = false;
        MultiSelect = false;
        DrawLine += (_, e) => DrawLabel(e);
    }

    /// <summary>The label as drawn: sanitised, one line.</summary>
    public string LabelOf(ResultNode node) => Shown(node).Label;

    public void Show(IReadOnlyList<ResultNode> roots)
    {
        _shown.Clear();
        ClearObjects();
        AddObjects(roots);
        if (roots.Count > 0) SelectedObject = roots[0];
        SetNeedsDraw();
    }

    private (string Label, string Placeholder) Shown(ResultNode node)
    {
        if (_shown.TryGetValue(node, out var s)) return s;
        string label = UntrustedText.ForTerminal(TextWidth.Head(node.Label, MaxLabelChars));
        s = (label, new string('x', TextWidth.Of(label)));
        _shown[node] = s;
        return s;
    }

    // The tree laid out prefix, expand symbol, the placeholder (one cell per char, cut to the room) and blanks; the
    // real label goes where the placeholder went, the other cells as the tree made them.
    private void DrawLabel(DrawTreeViewLineEventArgs<ResultNode> e)
    {
        if (e.Model is not { } node || e.Cells is null) return;
        e.Handled = true;
        (string label, string placeholder) = Shown(node);
        int start = Math.Clamp(e.IndexOfModelText, 0, e.Cells.Count);
        int skip = e.IndexOfModelText < 0 ? -e.IndexOfModelText : 0;
        int cells = Math.Clamp(placeholder.Length - skip, 0, e.Cells.Count - start);
        Move(0, e.Y);
        for (int i = 0; i < start; i++) Put(e.Cells[i]);
        if (cells > 0)
        {
            string text = TextWidth.Cut(TextWidth.Skip(label, skip), cells);
            SetAttribute(e.Cells[start].Attribute ?? GetAttributeForRole(VisualRole.Normal));
            AddStr(TextWidth.Pad(text, cells));
        }
        for (int i = start + cells; i < e.Cells.Count; i++) Put(e.Cells[i]);
    }

    private void Put(Cell cell)
    {
        SetAttribute(cell.Attribute ?? GetAttributeForRole(VisualRole.Normal));
        AddStr(cell.Grapheme);
    }

    public void ToggleSelected()
    {
        if (SelectedObject is not { } n || !n.HasChildren) return;
        if (IsExpanded(n)) Collapse(n); else Expand(n);
    }

    /// <summary>Expands every node except those collapsed by default (thinking, citations, raw JSON): Enter opens those.</summary>
    public void ExpandAllButHidden()
    {
        foreach (ResultNode root in Objects ?? []) ExpandOpen(root, 0);
        SetNeedsDraw();
    }

    private void ExpandOpen(ResultNode node, int depth)
    {
        if (depth > 12 || node.CollapsedByDefault || !node.HasChildren) return;
        Expand(node);
        foreach (ResultNode child in node.Children) ExpandOpen(child, depth + 1);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Enter)
        {
            ToggleSelected();
            return true;
        }
        return base.OnKeyDown(key);
    }
}
