using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>The results list: full-row selection, no type-to-search (letters are the pane's keys), Enter opens.</summary>
public sealed class ResultsTableView : TableView
{
    public ResultsTableView()
    {
        FullRowSelect = true;
        MultiSelect = false;
        CollectionNavigator = null;
        Style.AlwaysShowHeaders = true;
        Style.ShowHorizontalHeaderOverline = false;
        Style.ShowVerticalCellLines = false;
        Style.ShowVerticalHeaderLines = false;
        Style.ExpandLastColumn = true;
        Style.GetOrCreateColumnStyle(0).MaxWidth = 36;
        Style.GetOrCreateColumnStyle(1).MaxWidth = 11;
        Style.GetOrCreateColumnStyle(2).MaxWidth = 24;
        Style.GetOrCreateColumnStyle(3).Alignment = Terminal.Gui.ViewBase.Alignment.End;
        Style.GetOrCreateColumnStyle(4).Alignment = Terminal.Gui.ViewBase.Alignment.End;
    }

    /// <summary>Raised on Enter.</summary>
    public event Action? Opened;

    public int SelectedRow => Value?.SelectedCell.Y ?? -1;

    public void SelectRow(int row)
    {
        if (Table is null || Table.Rows == 0) return;
        Value = new TableSelection(new System.Drawing.Point(0, Math.Clamp(row, 0, Table.Rows - 1)));
        EnsureCursorIsVisible();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Enter)
        {
            Opened?.Invoke();
            return true;
        }
        return base.OnKeyDown(key);
    }

    // TableView's type-to-search swallows every printable key once the table has no rows (a filter matching nothing,
    // an empty file), so q, c and ? never reached the pane and the shell: letters are theirs, never the table's.
    protected override bool OnKeyDownNotHandled(Key key) => false;
}
