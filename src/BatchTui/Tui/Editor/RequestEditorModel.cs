using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The request editor's view-model, plain C# on a <see cref="TimeProvider"/>: the content (what is typed, as
/// immutable <see cref="EditorContent"/>), validation 300 ms after the last edit, drafts (autosave, offer, restore,
/// discard), the retry plan, and the submit as one <see cref="SubmitState"/>. The pane pushes what the user types
/// in with <see cref="Edit"/> and redraws on <see cref="Changed"/>; when the model replaces the content (a restored
/// draft, a file, a retry plan) it raises <see cref="ContentReplaced"/> for the pane to load into its fields.
/// All members are called on the UI thread; background work goes through the shell's runner.
/// </summary>
public sealed partial class RequestEditorModel : IDisposable
{
    /// <summary>Files bigger than this are not loaded into the editor (use <c>batchtui create FILE</c>).</summary>
    public const long MaxEditableBytes = 16L * 1024 * 1024;
    /// <summary>Validation waits for this much quiet after an edit (a debounce: typing is not re-checked per key).</summary>
    public static readonly TimeSpan ValidateDelay = TimeSpan.FromMilliseconds(300);
    /// <summary>A draft is written at most this long after the first unsaved edit (a throttle: typing cannot delay it).</summary>
    public static readonly TimeSpan DraftDelay = TimeSpan.FromSeconds(1);

    private readonly IBatchesApi _api;
    private readonly EditorStores _stores;
    private readonly WorkRunner _runner;
    private readonly TimeProvider _time;
    private readonly ITimer _validateTimer;
    private readonly ITimer _draftTimer;
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Task> _work = [];
    private List<string> _problems = [];
    private int _validation;
    private string? _lastJsonlFromForm;

    public RequestEditorModel(IBatchesApi api, EditorStores stores, WorkRunner runner, TimeProvider time)
    {
        _api = api;
        _stores = stores;
        _runner = runner;
        _time = time;
        Autosaver = new DraftAutosaver(stores.Drafts);
        DraftId = stores.Drafts.NewId();
        _saved = Content;
        // Timer callbacks come on any thread (or inside a fake clock's Advance): they only queue work on the UI loop.
        _validateTimer = time.CreateTimer(_ => _runner.Post(ValidateIfDue), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _draftTimer = time.CreateTimer(_ => _runner.Post(SaveDraftIfDue), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IBatchesApi Api => _api;
    public EditorContent Content { get; private set; } = new();
    public SubmitState State { get; private set; } = SubmitState.Idle;
    /// <summary>The line under the status: a draft offered, a retry plan, what was just restored or cleared.</summary>
    public string Notice { get; private set; } = "";
    /// <summary>The problems list as shown; one line per <see cref="Composition.Problems"/> entry when checked.</summary>
    public IReadOnlyList<string> ProblemLines => _problems;
    /// <summary>The last check of the content (null until the first).</summary>
    public Composition? Last { get; private set; }
    public bool IsClosed => _closing.IsCancellationRequested;

    /// <summary>Something shown changed (status, notice, problems): redraw.</summary>
    public event Action? Changed;
    /// <summary>The model replaced <see cref="Content"/> (mode included): load it into the fields.</summary>
    public event Action? ContentReplaced;
    /// <summary>A one-line message for the flash bar.</summary>
    public event Action<string>? Flashed;
    /// <summary>An error for the flash bar (status, type, request-id of API errors).</summary>
    public event Action<Exception>? FlashedError;
    /// <summary>The batch was created (state <see cref="SubmitState.Sent"/>).</summary>
    public event Action<MessageBatch>? Created;

    /// <summary><c>[Form] Raw · 3 requests · no errors · file.jsonl · draft saved 09:00:01</c>.</summary>
    public string StatusText
    {
        get
        {
            string mode = Content.Mode == EditorMode.Form ? "[Form] Raw" : "Form [Raw]";
            string summary = Last?.Summary ?? "not checked yet";
            string source = Content.SourceFile is null ? "" : $" · {Path.GetFileName(Content.SourceFile)}";
            string sending = State == SubmitState.Sending ? " · sending..." : "";
            return $"{mode} · {summary}{source}{sending}{(SavedText.Length > 0 ? " · " + SavedText : "")}";
        }
    }

    // ---- content --------------------------------------------------------------------------------------------

    /// <summary>What the user typed: a declined confirmation is over, a check and a draft are due.</summary>
    public void Edit(EditorContent content)
    {
        bool wasSaved = Content == _saved;
        Content = content;
        if (State == SubmitState.Confirming) State = SubmitState.Idle;
        if (IsClosed) return;
        _validateTimer.Change(ValidateDelay, Timeout.InfiniteTimeSpan);
        if (wasSaved && DraftDue) _draftTimer.Change(DraftDelay, Timeout.InfiniteTimeSpan);
        Changed?.Invoke();
    }

    /// <summary>The model's own change of content (file, draft, retry plan, mode): the fields follow.</summary>
    private void Replace(EditorContent content)
    {
        Edit(content);
        ContentReplaced?.Invoke();
    }

    /// <summary>
    /// Form → raw carries the form's requests over when the raw editor is empty or still holds what the form produced
    /// last time; raw → form keeps both as they are.
    /// </summary>
    public void ToggleMode()
    {
        if (Content.Mode == EditorMode.Raw)
        {
            Replace(Content with { Mode = EditorMode.Form });
            return;
        }
        EditorContent next = Content with { Mode = EditorMode.Raw };
        if (Content.FormAsJsonl() is { } jsonl && (Content.RawText.Trim().Length == 0 || Content.RawText == _lastJsonlFromForm))
        {
            next = next with { RawText = jsonl };
            _lastJsonlFromForm = jsonl;
        }
        Replace(next);
    }


    /// <summary>Starts in the raw editor holding <paramref name="text"/> (from <paramref name="source"/>, if a file).</summary>
    public void LoadRaw(string text, string? source) =>
        Replace(Content with { Mode = EditorMode.Raw, RawText = text, SourceFile = source });

    /// <summary>Ctrl+O: a requests file into the raw editor; for a retry, the original requests file to plan from.</summary>
    public void Import(string path)
    {
        if (Retry is not null)
        {
            Retry.OriginalFile = path;
            PlanRetry();
            return;
        }
        ReadFile(path, text =>
        {
            LoadRaw(text, path);
            Flashed?.Invoke($"imported {path}");
            ValidateInBackground();
        });
    }

    /// <summary>Ctrl+L: the form's inputs from a text file, one per line.</summary>
    public void LoadInputs(string path) => ReadFile(path, text =>
    {
        Replace(Content with { Mode = EditorMode.Form, InputsText = text });
        Flashed?.Invoke($"loaded {Units.Plural(TemplateExpander.InputsFromText(text).Count, "input")} from {path}");
    });

    /// <summary>Reads a file off the UI thread; too big or unreadable files get a message, not a freeze.</summary>
    private void ReadFile(string path, Action<string> onText) => Background(async ct =>
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path}: no such file");
        if (info.Length > MaxEditableBytes)
            throw new IOException($"{path} is {Units.Bytes(info.Length)}, too big to edit here (limit {Units.Bytes(MaxEditableBytes)}): send it with `batchtui create {path}`");
        // The size above is a regular file's; a pipe or device (/dev/zero) is capped while reading.
        return await BatchTui.Core.Input.BoundedFile.ReadAllTextAsync(path, MaxEditableBytes, path,
            $"too big to edit here; send it with `batchtui create {path}`", ct);
    }, onText, e => ShowError(e.Message));

    // ---- validation -----------------------------------------------------------------------------------------

    /// <summary>F2: checks now, on the UI thread; the first error with a position, for the raw editor to jump to.</summary>
    public Problem? ValidateNow()
    {
        Composition c = Content.Compose();
        Show(c);
        Flashed?.Invoke(c.ErrorCount == 0 ? $"valid: {c.Summary}" : $"{Units.Plural(c.ErrorCount, "error")}: see Problems");
        return Content.Mode == EditorMode.Raw ? c.Problems.FirstOrDefault(p => p.IsError && p.Line is not null) : null;
    }

    private void ValidateIfDue()
    {
        if (!IsClosed) ValidateInBackground();
    }

    /// <summary>Checks a snapshot off the UI thread; only the newest check is shown.</summary>
    private void ValidateInBackground()
    {
        _validateTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        EditorContent snapshot = Content;
        int ticket = ++_validation;
        Background(_ => Task.FromResult(snapshot.Compose()), c =>
        {
            if (ticket == _validation) Show(c);
        }, e => ShowError(e.Message));
    }

    private void Show(Composition c)
    {
        Last = c;
        var lines = new List<string>();
        if (c.Problems.Count == 0) lines.Add(c.Requests is null ? "nothing to check yet" : $"no problems: {c.Summary}");
        lines.AddRange(c.Problems.Select(p => p.Text));
        SetProblems(lines);
    }

    /// <summary>The problem shown on row <paramref name="row"/> of the list, when it is one with a place.</summary>
    public Problem? ProblemAt(int row) =>
        Last is { } c && row >= 0 && row < c.Problems.Count ? c.Problems[row] : null;

    private void ShowError(string message)
    {
        SetProblems(["error: " + message]);
        Flashed?.Invoke(message);
    }

    private void SetProblems(List<string> lines)
    {
        _problems = lines;
        Changed?.Invoke();
    }

    private void SetNotice(string notice)
    {
        Notice = notice;
        Changed?.Invoke();
    }
}
