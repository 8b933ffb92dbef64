using BatchTui.Core.Requests;
using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>Picks a model id from the known ones (Enter picks, Esc keeps what was typed).</summary>
internal static class ModelPicker
{
    public static string? Pick(IApplication app, string current)
    {
        var ids = new ObservableCollection<string>(KnownModels.Ids);
        var list = new ListView { X = 0, Y = 0, Width = 40, Height = Math.Min(ids.Count, 14) };
        list.SetSource(ids);
        int at = KnownModels.Ids.ToList().IndexOf(current);
        list.SelectedItem = at >= 0 ? at : 0;
        using var dialog = new Dialog { Title = "Model" };
        dialog.Add(list);
        dialog.AddButton(new Button { Text = "Cancel" });
        dialog.AddButton(new Button { Text = "Pick" });
        list.Accepting += (_, e) =>
        {
            dialog.Result = 1;
            dialog.RequestStop();
            e.Handled = true;
        };
        list.SetFocus();
        app.Run(dialog);
        return !dialog.Canceled && dialog.Result == 1 && list.SelectedItem is int i and >= 0 && i < ids.Count ? ids[i] : null;
    }
}
