using BatchTui.Core.Results.Model;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>The selected result as a tree of <see cref="ResultNode"/>s; Enter toggles the node under the cursor.</summary>
public sealed class ResultTreeView : TreeView<ResultNode>
{
    public ResultTreeView()
    {
        TreeBuilder = new DelegateTreeBuilder<ResultNode>(n => n.Children, n => n.HasChildren);
        AspectGetter = n => n.Label;
        AllowLetterBasedNavigation = false;
        MultiSelect = false;
    }

    public void Show(IReadOnlyList<ResultNode> roots)
    {
        ClearObjects();
        AddObjects(roots);
        if (roots.Count > 0) SelectedObject = roots[0];
        SetNeedsDraw();
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
