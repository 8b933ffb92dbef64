using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Tui.Shell;
using System.Collections.ObjectModel;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The request editor: compose a batch in a form (one template × inputs) or as raw JSONL/JSON, see every problem
/// as you type, submit after a preview and a confirmation. The pane is layout, keys and drawing; what the editor
/// knows and does (content, checks, drafts, retry plan, submit) is its <see cref="RequestEditorModel"/>.
/// </summary>
public sealed partial class RequestEditorPane : IPane, IDisposable
{
    /// <summary>Files bigger than this are not loaded into the editor (use <c>batchtui create FILE</c>).</summary>
    public const long MaxEditableBytes = RequestEditorModel.MaxEditableBytes;
    private const int ProblemsHeight = 5;

    private readonly IShell _shell;
    private readonly RequestEditorModel _model;
    private readonly KeyMap _keys;
    private readonly View _root;
    private readonly Label _status;
    private readonly Label _notice;
    private readonly EditorForm _form;
    private readonly RawEditor _raw;
    private readonly ListView _problems;
    private readonly ObservableCollection<string> _problemLines = [];

    private RequestEditorPane(IShell shell, IBatchesApi api, EditorStores stores, string title)
    {
        _shell = shell;
        _model = new RequestEditorModel(api, stores, new WorkRunner(work => shell.Run(work, this), shell.Post), shell.Time);
        Title = title;

        _root = new View { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true, Title = title };
        // No hotkey specifier: a Label would otherwise eat the '_' of msgbatch_… ids, custom_ids and file names.
        _status = new Label { X = 0, Y = 0, Width = Dim.Fill(), HotKeySpecifier = new System.Text.Rune(0xFFFF) };
        _notice = new Label { X = 0, Y = 1, Width = Dim.Fill(), HotKeySpecifier = new System.Text.Rune(0xFFFF) };
        _form = new EditorForm { X = 0, Y = 2, Height = Dim.Fill(ProblemsHeight + 1) };
        _raw = new RawEditor { X = 0, Y = 2, Height = Dim.Fill(ProblemsHeight + 1), Visible = false };
        var problemsTitle = new Label { Text = "Problems (F2 validate)", X = 0, Y = Pos.AnchorEnd(ProblemsHeight + 1) };
        _problems = new ListView { X = 0, Y = Pos.AnchorEnd(ProblemsHeight), Width = Dim.Fill(), Height = ProblemsHeight };
        _problems.SetSource(_problemLines);
        _problems.Accepting += (_, e) =>
        {
            JumpToProblem();
            e.Handled = true;
        };
        _root.Add(_status, _notice, _form, _raw, problemsTitle, _problems);
        _form.Load(_model.Content.Template, _model.Content.InputsText);

        Actions = DeclareActions();
        _keys = new KeyMap(Actions, shell.ReadOnly);
        _root.KeyDown += (_, key) =>
        {
            if (_keys.TryHandle(key)) key.Handled = true;
        };
        _root.Disposing += (_, _) => _model.Close();
        Connect();
        ShowState();
    }

    public string Title { get; }
    public View View => _root;
    public IReadOnlyList<KeyAction> Actions { get; }

    /// <summary>Raised on the UI thread after a batch was created; the shell shows it selected in the list.</summary>
    public event Action<MessageBatch>? Submitted;

    /// <summary>
    /// Builds the editor for <paramref name="shell"/> to push (the batch list's <c>n</c>). With
    /// <paramref name="initial"/> requests it starts in the raw editor holding them; without, it starts on the form
    /// and offers the newest unsent draft back. <paramref name="onSubmitted"/> gets the new batch on the UI thread.
    /// </summary>
    public static RequestEditorPane Create(IShell shell, IBatchesApi api, EditorStores stores,
        IReadOnlyList<BatchRequestItem>? initial = null, Action<MessageBatch>? onSubmitted = null)
    {
        var pane = new RequestEditorPane(shell, api, stores, "New batch");
        if (onSubmitted is not null) pane.Submitted += onSubmitted;
        if (initial is not null) pane._model.LoadRaw(RequestsJson.ToJsonl(initial), null);
        else pane._model.OfferDraft();
        return pane;
    }

    /// <summary><see cref="Create"/>, then pushed onto <paramref name="shell"/>.</summary>
    public static RequestEditorPane Open(IShell shell, IBatchesApi api, EditorStores stores,
        IReadOnlyList<BatchRequestItem>? initial = null, Action<MessageBatch>? onSubmitted = null)
    {
        RequestEditorPane pane = Create(shell, api, stores, initial, onSubmitted);
        shell.Push(pane);
        return pane;
    }

    /// <summary>The editor on the failed requests of <paramref name="batchId"/> (see <see cref="RetryFailed"/>).</summary>
    internal static RequestEditorPane CreateRetry(IShell shell, IBatchesApi api, EditorStores stores, string batchId,
        IReadOnlyCollection<string> failedCustomIds, Action<MessageBatch>? onSubmitted)
    {
        var pane = new RequestEditorPane(shell, api, stores, $"Retry failed · {batchId}");
        if (onSubmitted is not null) pane.Submitted += onSubmitted;
        pane._model.StartRetry(batchId, failedCustomIds);
        return pane;
    }

    /// <summary>The shell closes the editor: an unsaved draft is written, background work stops.</summary>
    public void Dispose()
    {
        _model.Close();
        _root.Dispose();
    }

    // ---- what tests and the shell may look at -------------------------------------------------------------

    internal RequestEditorModel Model => _model;
    internal EditorMode Mode => _model.Content.Mode;
    internal EditorForm Form => _form;
    internal RawEditor Raw => _raw;
    internal string StatusText => _status.Text;
    internal string NoticeText => _notice.Text;
    internal IReadOnlyList<string> ProblemLines => _problemLines;
    internal string DraftId => _model.DraftId;
    internal Task WhenIdle() => _model.WhenIdle();
    internal EditorContent Content => _model.Content;
}
