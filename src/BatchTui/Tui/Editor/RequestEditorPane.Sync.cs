using BatchTui.Core.Requests;
using BatchTui.Core.State;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The pane and its model in step: what is typed goes to the model, what the model replaces comes back into the
/// fields, and every change of the model redraws the status, the notice and the problems.
/// </summary>
public sealed partial class RequestEditorPane
{
    // Set while the model's content is written into the fields, whose change events would echo it back half-loaded.
    private bool _loading;

    private void Connect()
    {
        _form.Changed += OnTyped;
        _raw.Changed += OnTyped;
        _model.Changed += ShowState;
        _model.ContentReplaced += LoadContent;
        _model.Flashed += message => _shell.Flash(message);
        _model.FlashedError += error => _shell.FlashError(error);
        _model.Created += batch =>
        {
            bool open = !_model.IsClosed;
            Submitted?.Invoke(batch);
            if (open) _shell.Pop();
        };
    }

    private void OnTyped()
    {
        if (!_loading) _model.Edit(_model.Content with { Template = _form.Template, InputsText = _form.InputsText, RawText = _raw.Text.Value });
    }

    private void LoadContent()
    {
        EditorContent c = _model.Content;
        _loading = true;
        try
        {
            if (_form.Template != c.Template || _form.InputsText != c.InputsText) _form.Load(c.Template, c.InputsText);
            if (_raw.Text.Value != c.RawText) _raw.Text.Value = c.RawText;
        }
        finally
        {
            _loading = false;
        }
        ShowMode(c.Mode);
    }

    /// <summary>Shows the form or the raw editor; a switch puts the caret in the one shown.</summary>
    private void ShowMode(EditorMode mode)
    {
        bool raw = mode == EditorMode.Raw;
        if (_raw.Visible == raw) return;
        _form.Visible = !raw;
        _raw.Visible = raw;
        if (raw) _raw.Text.FocusText();
        else _form.Model.SetFocus();
    }

    private void ShowState()
    {
        _status.Text = _model.StatusText;
        _notice.Text = _model.Notice;
        if (!_problemLines.SequenceEqual(_model.ProblemLines))
        {
            _problemLines.Clear();
            foreach (string line in _model.ProblemLines) _problemLines.Add(line);
        }
    }
}
