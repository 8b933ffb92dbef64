using System.Collections.ObjectModel;
using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The request editor: compose a batch in a form (one template × inputs) or as raw JSONL/JSON, see every problem
/// as you type, submit after a preview and a confirmation. Nothing typed is lost: drafts autosave and are offered
/// back on the next open, and a refused submit keeps everything as it was.
/// </summary>
public sealed partial class RequestEditorPane : IPane
{
    /// <summary>Files bigger than this are not loaded into the editor (use <c>batchtui create FILE</c>).</summary>
    public const long MaxEditableBytes = 16L * 1024 * 1024;
    private const int ProblemsHeight = 5;

    private readonly IShell _shell;
    private readonly IApplication _app;
    private readonly IBatchesApi _api;
    private readonly EditorStores _stores;
    private readonly DraftAutosaver _autosaver;
    private readonly KeyMap _keys;
    private readonly View _root;
    private readonly Label _status;
    private readonly Label _notice;
    private readonly EditorForm _form;
    private readonly RawEditor _raw;
    private readonly ListView _problems;
    private readonly ObservableCollection<string> _problemLines = [];
    private readonly List<Task> _work = [];
    private readonly CancellationTokenSource _closing = new();

    private EditorMode _mode = EditorMode.Form;
    private string _draftId;
    private string? _sourceFile;
    private string? _lastJsonlFromForm;
    private Draft? _offered;
    private RetryContext? _retry;
    private IReadOnlyList<BatchRequestItem>? _retryOriginals;
    private bool _validateDue;
    private bool _draftDue;
    private bool _touched;
    private bool _submitting;
    private bool _closed;
    private bool _shown;
    private int _validation;
    private string _saved = "";
    private Composition? _last;

    private RequestEditorPane(IShell shell, IBatchesApi api, EditorStores stores, string title)
    {
        _shell = shell;
        _app = shell.App;
        _api = api;
        _stores = stores;
        _autosaver = new DraftAutosaver(stores.Drafts);
        _draftId = stores.Drafts.NewId();
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

        _form.Changed += OnChanged;
        _raw.Changed += OnChanged;
        _form.Load(new RequestTemplate(), "");

        Actions =
        [
            new KeyAction(Key.F2, "validate", ValidateNow, Description: "check every request now; in the raw editor, jump to the first error"),
            // Second, so the hint survives an 80-column terminal: hints are cut from the end.
            new KeyAction(Key.S.WithCtrl, "submit", Submit, Dangerous: true, Description: "preview, confirm and create the batch"),
            new KeyAction(Key.F4, "form/raw", ToggleMode, Description: "switch between the form and the raw JSONL/JSON editor"),
            new KeyAction(Key.F3, "model", PickModel, Description: "pick a model from the known ids (any id can be typed)"),
            new KeyAction(Key.O.WithCtrl, "import", Import, Description: "import a requests .jsonl/.json file (for a retry: the original requests file)"),
            new KeyAction(Key.L.WithCtrl, "inputs file", LoadInputs, Hint: false, Description: "load the form's inputs from a text file, one per line"),
            new KeyAction(Key.F5, "thinking", () => { _form.CycleThinking(); }, Hint: false, Description: "cycle thinking: none, enabled, disabled, adaptive"),
            new KeyAction(Key.F6, "restore draft", RestoreOffered, Hint: false, Description: "restore the draft offered on open"),
            new KeyAction(Key.F7, "retry ids", ToggleRetryIds, Hint: false, Description: "retry: keep the custom_ids or add -retryN"),
            new KeyAction(Key.F8, "discard", Discard, Hint: false, Description: "discard the offered draft, or clear the editor and its draft"),
        ];
        _keys = new KeyMap(Actions, shell.ReadOnly);
        _root.KeyDown += (_, key) =>
        {
            if (_keys.TryHandle(key)) key.Handled = true;
        };
        _root.SuperViewChanged += (_, _) =>
        {
            if (_root.SuperView is not null) _shown = true;
            else if (_shown) Close();
        };
        _root.Disposing += (_, _) => Close();

        _app.AddTimeout(TimeSpan.FromMilliseconds(300), () =>
        {
            if (_closed) return false;
            if (_validateDue) ValidateInBackground();
            return true;
        });
        _app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            if (_closed) return false;
            if (_draftDue) SaveDraft();
            return true;
        });
        ShowStatus();
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
        if (initial is not null) pane.LoadRaw(RequestsJson.ToJsonl(initial), null);
        else pane.OfferDraft();
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
        pane._retry = new RetryContext(batchId, failedCustomIds);
        pane.SetMode(EditorMode.Raw);
        pane._notice.Text = $"looking up the {Units.Plural(failedCustomIds.Count, "failed request")} of {UntrustedText.ForTerminal(batchId)}...";
        pane.PlanRetry();
        return pane;
    }

    // ---- what tests and the shell may look at -------------------------------------------------------------

    internal EditorMode Mode => _mode;
    internal EditorForm Form => _form;
    internal RawEditor Raw => _raw;
    internal string StatusText => _status.Text;
    internal string NoticeText => _notice.Text;
    internal IReadOnlyList<string> ProblemLines => _problemLines;
    internal string DraftId => _draftId;
    internal DraftAutosaver Autosaver => _autosaver;

    /// <summary>Completes when no background work (validation, file, HTTP, draft write) is running.</summary>
    internal async Task WhenIdle()
    {
        while (true)
        {
            Task[] pending;
            lock (_work) pending = _work.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0) break;
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        await _autosaver.FlushAsync().ConfigureAwait(false);
    }

    internal EditorContent Content => new()
    {
        Mode = _mode,
        Template = _form.Template,
        InputsText = _form.InputsText,
        RawText = _raw.Text.Value,
        SourceFile = _sourceFile,
        RetryOf = _retry?.BatchId,
    };

    // ---- editing ----------------------------------------------------------------------------------------

    private void OnChanged()
    {
        _touched = true;
        _validateDue = true;
        _draftDue = true;
        ShowStatus();
    }

    private void ToggleMode()
    {
        if (_mode == EditorMode.Form)
        {
            // Carry the form over when the raw editor is empty or still holds what the form produced last time.
            string? jsonl = Content.FormAsJsonl();
            string raw = _raw.Text.Value;
            if (jsonl is not null && (raw.Trim().Length == 0 || raw == _lastJsonlFromForm))
            {
                _raw.Text.Value = jsonl;
                _lastJsonlFromForm = jsonl;
            }
            SetMode(EditorMode.Raw);
        }
        else SetMode(EditorMode.Form);
        OnChanged();
    }

    private void SetMode(EditorMode mode)
    {
        _mode = mode;
        _form.Visible = mode == EditorMode.Form;
        _raw.Visible = mode == EditorMode.Raw;
        if (mode == EditorMode.Raw) _raw.Text.FocusText();
        else _form.Model.SetFocus();
        ShowStatus();
    }

    private void LoadRaw(string text, string? source)
    {
        _raw.Text.Value = text;
        _sourceFile = source;
        SetMode(EditorMode.Raw);
        OnChanged();
    }

    private void PickModel()
    {
        if (_mode != EditorMode.Form)
        {
            _shell.Flash("the model picker is for the form (F4); in the raw editor type \"model\" in params");
            return;
        }
        if (ModelPicker.Pick(_app, _form.Model.Text) is { } id) _form.Model.Text = id;
    }

    private void Import()
    {
        string start = _sourceFile ?? (Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar);
        string title = _retry is not null ? $"Original requests file of {_retry.BatchId}" : "Import requests (.jsonl / .json)";
        if (PathPrompt.Ask(_app, title, start) is not { } path) return;
        if (_retry is not null)
        {
            _retry.OriginalFile = path;
            PlanRetry();
            return;
        }
        ReadFile(path, text =>
        {
            LoadRaw(text, path);
            _shell.Flash($"imported {path}");
            ValidateInBackground();
        });
    }

    private void LoadInputs()
    {
        if (PathPrompt.Ask(_app, "Load inputs (one per line)", Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar) is not { } path) return;
        ReadFile(path, text =>
        {
            _form.SetInputs(text);
            SetMode(EditorMode.Form);
            _shell.Flash($"loaded {Units.Plural(TemplateExpander.InputsFromText(text).Count, "input")} from {path}");
        });
    }

    /// <summary>Reads a file off the UI thread; too big or unreadable files get a message, not a freeze.</summary>
    private void ReadFile(string path, Action<string> onText)
    {
        Background(async ct =>
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new FileNotFoundException($"{path}: no such file");
            if (info.Length > MaxEditableBytes)
                throw new IOException($"{path} is {Units.Bytes(info.Length)}, too big to edit here (limit {Units.Bytes(MaxEditableBytes)}): send it with `batchtui create {path}`");
            // The size above is a regular file's; a pipe or device (/dev/zero) is capped while reading.
            return await BatchTui.Core.Input.BoundedFile.ReadAllTextAsync(path, MaxEditableBytes, path,
                $"too big to edit here; send it with `batchtui create {path}`", ct);
        }, onText, e => ShowError(e.Message));
    }

    // ---- validation -------------------------------------------------------------------------------------

    private void ValidateNow()
    {
        Composition c = Content.Compose();
        Show(c);
        if (_mode == EditorMode.Raw && c.Problems.FirstOrDefault(p => p.IsError && p.Line is not null) is { } first)
            _raw.Text.MoveTo(first.Line!.Value, first.Column ?? 1);
        _shell.Flash(c.ErrorCount == 0 ? $"valid: {c.Summary}" : $"{Units.Plural(c.ErrorCount, "error")}: see Problems");
    }

    private void ValidateInBackground()
    {
        _validateDue = false;
        EditorContent snapshot = Content;
        int ticket = ++_validation;
        Background(_ => Task.FromResult(snapshot.Compose()), c =>
        {
            if (ticket == _validation) Show(c);
        }, e => ShowError(e.Message));
    }

    private void Show(Composition c)
    {
        _last = c;
        _problemLines.Clear();
        if (c.Problems.Count == 0) _problemLines.Add(c.Requests is null ? "nothing to check yet" : $"no problems: {c.Summary}");
        foreach (Problem p in c.Problems) _problemLines.Add(p.Text);
        ShowStatus();
    }

    private void JumpToProblem()
    {
        // Rows are the problems in order, so the selected row indexes them directly.
        if (_mode != EditorMode.Raw || _last is null || _problems.SelectedItem is not int i) return;
        if (i >= 0 && i < _last.Problems.Count && _last.Problems[i].Line is { } line)
            _raw.Text.MoveTo(line, _last.Problems[i].Column ?? 1);
    }

    private void ShowError(string message)
    {
        _problemLines.Clear();
        _problemLines.Add("error: " + message);
        _shell.Flash(message);
        ShowStatus();
    }

    private void ShowStatus()
    {
        string mode = _mode == EditorMode.Form ? "[Form] Raw" : "Form [Raw]";
        string summary = _last?.Summary ?? "not checked yet";
        string source = _sourceFile is null ? "" : $" · {Path.GetFileName(_sourceFile)}";
        string sending = _submitting ? " · sending..." : "";
        _status.Text = $"{mode} · {summary}{source}{sending}{(_saved.Length > 0 ? " · " + _saved : "")}";
    }

    // ---- drafts -----------------------------------------------------------------------------------------

    private void OfferDraft()
    {
        Background(ct => _stores.Drafts.ListAsync(ct), drafts =>
        {
            if (_touched || drafts.Count == 0) return;
            _offered = drafts[0];
            string more = drafts.Count > 1 ? $" (+{drafts.Count - 1} older)" : "";
            _notice.Text = $"unsent draft from {_offered.UpdatedAt.ToLocalTime():yyyy-MM-dd HH:mm}: {UntrustedText.ForTerminal(_offered.Summary)}{more} · F6 restore · F8 discard";
        }, e => _notice.Text = $"drafts could not be read: {UntrustedText.ForTerminal(e.Message)}");
    }

    private void RestoreOffered()
    {
        if (_offered is not { } d)
        {
            _shell.Flash("no draft to restore");
            return;
        }
        _offered = null;
        _draftId = d.Id;
        var content = EditorContent.FromDraft(d);
        _form.Load(content.Template, content.InputsText);
        _raw.Text.Value = content.RawText;
        _sourceFile = content.SourceFile;
        SetMode(content.Mode);
        _notice.Text = $"restored {d.Id}";
        _touched = true;
        _validateDue = true;
        ShowStatus();
    }

    private void Discard()
    {
        if (_offered is { } d)
        {
            if (MessageBox.Query(_app, "Discard draft", $"Delete {d.Summary}?", "Delete", "Keep") != 0) return;
            _stores.Drafts.Delete(d.Id);
            _offered = null;
            _notice.Text = $"deleted {d.Id}";
            return;
        }
        if (MessageBox.Query(_app, "Discard", "Clear the editor and delete its draft?", "Clear", "Keep") != 0) return;
        string id = _draftId;
        Track(_autosaver.DeleteAsync(id));
        _draftId = _stores.Drafts.NewId();
        _form.Load(new RequestTemplate(), "");
        _raw.Text.Value = "";
        _sourceFile = null;
        _draftDue = false;
        _saved = "";
        _notice.Text = "cleared";
        _validateDue = true;
    }

    private void SaveDraft()
    {
        _draftDue = false;
        Draft draft = Content.ToDraft(_draftId);
        if (draft.IsEmpty) return;
        _autosaver.Save(draft);
        _saved = $"draft saved {_stores.Time.GetLocalNow():HH:mm:ss}";
        if (_autosaver.LastError is { } e) _saved = $"draft NOT saved: {e.Message}";
        ShowStatus();
    }

    private void Close()
    {
        if (_closed) return;
        _closed = true;
        if (_draftDue && !_submitting) SaveDraft();
        // The app may be quitting: wait (briefly) for the draft to reach the disk. It is a small local file.
        _autosaver.FlushAsync().Wait(TimeSpan.FromSeconds(2));
        _closing.Cancel();
    }

    // ---- retry failed -----------------------------------------------------------------------------------

    private void PlanRetry()
    {
        RetryContext r = _retry!;
        var planner = new RetryPlanner(_stores.Journal);
        Background(ct => planner.PlanAsync(r.BatchId, r.FailedCustomIds, RetryIdMode.SameIds, r.OriginalFile, ct), plan =>
        {
            if (!plan.Ok)
            {
                _retryOriginals = null;
                _notice.Text = UntrustedText.ForTerminal(plan.Problem) + " · Ctrl+O original file";
                _problemLines.Clear();
                _problemLines.Add(plan.Problem ?? "");
                return;
            }
            _retryOriginals = plan.Requests;
            ApplyRetryIds();
            _notice.Text = $"{UntrustedText.ForTerminal(plan.Summary)} · F7 ids: {(r.Mode == RetryIdMode.SameIds ? "same" : "-retryN")}";
            _sourceFile = r.OriginalFile;
        }, e => ShowError(e.Message));
    }

    private void ToggleRetryIds()
    {
        if (_retry is null || _retryOriginals is null)
        {
            _shell.Flash("only for a retry of failed requests");
            return;
        }
        _retry.Mode = _retry.Mode == RetryIdMode.SameIds ? RetryIdMode.RetrySuffix : RetryIdMode.SameIds;
        ApplyRetryIds();
        _notice.Text = $"custom_ids: {(_retry.Mode == RetryIdMode.SameIds ? "same as the original batch" : "with a -retryN suffix")} · F7 toggles";
    }

    private void ApplyRetryIds()
    {
        RetryPlan plan = RetryPlanner.Build(_retry!.BatchId, _retryOriginals!, _retryOriginals!.Select(i => i.CustomId).ToList(), _retry.Mode, "");
        _raw.Text.Value = RequestsJson.ToJsonl(plan.Requests);
        OnChanged();
        ValidateInBackground();
    }

    // ---- submit -----------------------------------------------------------------------------------------

    private void Submit()
    {
        if (_submitting)
        {
            _shell.Flash("already sending this batch");
            return;
        }
        EditorContent content = Content;
        Composition c = content.Compose();
        Show(c);
        if (!c.CanSubmit)
        {
            _shell.Flash(c.Requests is null && c.ErrorCount == 0 ? "nothing to send" : $"not sent: {Units.Plural(c.ErrorCount, "error")}, see Problems");
            return;
        }
        CheckedRequests requests = c.Requests!;
        _shell.Confirm("Create this batch?", [.. requests.Preview.Lines, $"to:       {_api.BaseUrl}", .. UncertainWarning()],
            () => Send(content, requests));
    }

    private void Send(EditorContent content, CheckedRequests requests)
    {
        if (_submitting || _closed) return;
        _submitting = true;
        ShowStatus();
        BatchCreateRequest body = requests.ToCreateRequest();
        IReadOnlyList<BatchRequestItem> items = requests.Items;
        string? journalled = null;
        Background(async ct =>
        {
            MessageBatch batch;
            try
            {
                batch = await _api.CreateAsync(body, ct);
            }
            catch (CreateUncertainException e)
            {
                journalled = await JournalUncertainAsync(e, items, content.SourceFile);
                throw;
            }
            string? journalProblem = null;
            try
            {
                await _stores.Journal.RecordAsync(batch.Id, items, _api.BaseUrl, content.SourceFile, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                journalProblem = e.Message;
            }
            return (batch, journalProblem);
        }, result => OnCreated(result.batch, result.journalProblem, items.Count), e => OnSubmitFailed(e, journalled), cancellable: false);
    }

    private void OnCreated(MessageBatch batch, string? journalProblem, int count)
    {
        _submitting = false;
        _draftDue = false;
        Track(_autosaver.DeleteAsync(_draftId));
        _shell.Flash(journalProblem is null
            ? $"created {batch.Id} ({Units.Plural(count, "request")})"
            : $"created {batch.Id}, but the journal could not be written ({journalProblem}): retry-failed will need the original file");
        Submitted?.Invoke(batch);
        _closed = true;
        _shell.Pop();
    }

    private void OnSubmitFailed(Exception e, string? journalled)
    {
        _submitting = false;
        _problemLines.Clear();
        if (e is CreateUncertainException uncertain)
        {
            ShowUncertain(uncertain, journalled);
            return;
        }
        _problemLines.Add($"not sent: {e.Message}");
        if (e is BatchApiException api && api.Status is >= 400 and < 500)
            _problemLines.Add("nothing was lost: fix the requests and submit again (Ctrl+S)");
        else _problemLines.Add("nothing was lost: submit again when the API answers (Ctrl+S)");
        _shell.FlashError(e);
        SaveDraft();
        ShowStatus();
    }

    // ---- background work ----------------------------------------------------------------------------------

    /// <summary>Runs <paramref name="work"/> off the UI thread and hands its result (or error) back on the UI thread.</summary>
    private void Background<T>(Func<CancellationToken, Task<T>> work, Action<T> onResult, Action<Exception> onError, bool cancellable = true)
    {
        CancellationToken ct = cancellable ? _closing.Token : CancellationToken.None;
        Track(Task.Run(async () =>
        {
            try
            {
                T result = await work(ct);
                _app.Invoke(() => onResult(result));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the pane closed: nobody to tell
            }
            catch (Exception e)
            {
                _app.Invoke(() => onError(e));
            }
        }, CancellationToken.None));
    }

    private void Track(Task t)
    {
        lock (_work)
        {
            _work.RemoveAll(x => x.IsCompleted);
            _work.Add(t);
        }
    }
}
