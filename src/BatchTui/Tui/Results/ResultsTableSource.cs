using BatchTui.Core.Results.Index;
using BatchTui.Core.Text;
using BatchTui.Tui.Editor;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>
/// The list's virtual rows over the current <see cref="ResultsBrowserModel.View"/>: only the visible cells are asked
/// for, and a row's text preview is read from the file when drawn (a small cache keeps redraws from re-reading).
/// </summary>
public sealed class ResultsTableSource(ResultsBrowserModel model) : ITableSource
{
    private readonly Dictionary<int, string> _previews = new();

    public string[] ColumnNames { get; } = ["custom_id", "type", "stop / error", "in", "out", "text"];
    public int Columns => ColumnNames.Length;
    public int Rows => model.View.Count;

    public object this[int row, int col]
    {
        get
        {
            if (row < 0 || row >= model.View.Count) return "";
            int r = model.View[row];
            ResultEntry e = model.Index[r];
            // Cells are untrusted text; the table cuts them by grapheme (TableView measures with GetColumns).
            return col switch
            {
                0 => e.CustomId.Length > 0 ? UntrustedText.ForTerminal(e.CustomId) : $"line {e.LineNumber}",
                1 => e.Kind.ToWire(),
                2 => e.Kind == ResultKind.Unparseable ? "—" : UntrustedText.ForTerminal(model.Index.Reason(e)),
                3 => e.Kind == ResultKind.Succeeded ? Units.Compact(e.InputTokens + e.CacheReadTokens + e.CacheCreationTokens) : "",
                4 => e.Kind == ResultKind.Succeeded ? Units.Compact(e.OutputTokens) : "",
                _ => Preview(r, e),
            };
        }
    }

    private string Preview(int r, in ResultEntry e)
    {
        if (e.Kind == ResultKind.Unparseable)
        {
            string p = model.Index.Problem(r) ?? "";
            int dash = p.IndexOf("— ", StringComparison.Ordinal);
            return UntrustedText.ForTerminal(dash >= 0 ? p[(dash + 2)..] : p);
        }
        if (_previews.TryGetValue(r, out string? cached)) return cached;
        if (_previews.Count > 512) _previews.Clear();
        string text = e.Kind switch
        {
            ResultKind.Canceled => "(canceled before it ran)",
            ResultKind.Expired => "(expired before it ran)",
            ResultKind.Errored => ErrorPreview(r),
            _ => model.Index.Preview(r, 100),
        };
        return _previews[r] = UntrustedText.ForTerminal(TextWidth.Head(text, 1024));
    }

    private string ErrorPreview(int r)
    {
        try
        {
            return Core.Results.Export.ResultText.Of(model.Index.ReadLine(r));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
