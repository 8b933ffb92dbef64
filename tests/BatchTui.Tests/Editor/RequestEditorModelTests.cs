using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Simulator;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;

namespace BatchTui.Tests.Editor;

/// <summary>
/// The editor's view-model without a terminal: its submit state through a create, a refusal and an unconfirmed
/// create against the in-process simulator; the validation debounce and the draft autosave on the fake clock.
/// </summary>
public sealed class RequestEditorModelTests : IAsyncLifetime
{
    private readonly TempFolder _dir = new();
    private readonly ModelRunner _runner = new();
    private readonly List<string> _flashes = [];
    private readonly List<Exception> _errors = [];
    private World _w = null!;

    public async Task InitializeAsync() => _w = await World.StartAsync(seedWorld: false, retries: 4);

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        _dir.Dispose();
    }

    private EditorStores Stores => EditorStores.At(Path.Combine(_dir.Path, "state"), _w.Time);

    private RequestEditorModel Model()
    {
        var m = new RequestEditorModel(_w.Api, Stores, _runner.Runner, _w.Time);
        m.Flashed += _flashes.Add;
        m.FlashedError += _errors.Add;
        return m;
    }

    private static EditorContent Raw(params string[] ids) => new()
    {
        Mode = EditorMode.Raw,
        RawText = string.Join("\n", ids.Select(id =>
            $$$"""{"custom_id":"{{{id}}}","params":{"model":"claude-haiku-4-5","max_tokens":32,"messages":[{"role":"user","content":"hi"}]}}""")),
    };

    private static EditorContent Form(string maxTokens, string inputs) =>
        new() { Template = new RequestTemplate { MaxTokens = maxTokens }, InputsText = inputs };

    [Fact]
    public async Task A_confirmed_submit_goes_Idle_Confirming_Sending_Sent_and_journals_the_batch()
    {
        using RequestEditorModel m = Model();
        MessageBatch? created = null;
        m.Created += b => created = b;
        m.Edit(Raw("s-1", "s-2"));
        Assert.Equal(SubmitState.Idle, m.State);

        IReadOnlyList<string>? preview = m.Submit();
        Assert.NotNull(preview);
        Assert.Contains(preview, l => l.Contains("requests: 2"));
        Assert.Contains(preview, l => l.StartsWith("to:", StringComparison.Ordinal) && l.Contains(_w.Api.BaseUrl.ToString()));
        Assert.Equal(SubmitState.Confirming, m.State);

        m.Confirm();
        Assert.Equal(SubmitState.Sending, m.State);
        Assert.Contains("sending...", m.StatusText);
        Assert.Null(m.Submit()); // a second Ctrl+S while sending sends nothing
        Assert.Equal("already sending this batch", _flashes[^1]);

        await _runner.SettleAsync();
        Assert.Equal(SubmitState.Sent, m.State);
        MessageBatch only = Assert.Single(await _w.AllBatchesAsync());
        Assert.Equal(only.Id, created?.Id);
        Assert.Equal($"created {only.Id} (2 requests)", _flashes[^1]);
        Assert.True(Stores.Journal.Contains(only.Id));
    }

    [Fact]
    public void A_declined_confirmation_is_over_at_the_next_edit_and_an_invalid_submit_never_confirms()
    {
        using RequestEditorModel m = Model();
        m.Edit(Raw("d-1"));
        Assert.NotNull(m.Submit());
        Assert.Equal(SubmitState.Confirming, m.State);
        m.Edit(Raw("d-1", "d-2"));
        Assert.Equal(SubmitState.Idle, m.State);
        m.Confirm(); // a stale yes sends nothing
        Assert.Equal(SubmitState.Idle, m.State);

        m.Edit(Form("lots", "x"));
        Assert.Null(m.Submit());
        Assert.Equal(SubmitState.Idle, m.State);
        Assert.Equal("not sent: 1 error, see Problems", _flashes[^1]);
        Assert.Contains(m.ProblemLines, l => l.Contains("max_tokens: must be a whole number"));
    }

    [Fact]
    public async Task A_refused_create_is_Failed_keeps_the_content_and_a_draft_and_the_next_submit_sends_it()
    {
        using RequestEditorModel m = Model();
        EditorContent content = Raw("r-1", "r-2");
        m.Edit(content);
        _w.Sim.Chaos.FailNext(1, 400);
        Assert.NotNull(m.Submit());
        m.Confirm();
        await _runner.SettleAsync();
        await m.WhenIdle();

        Assert.Equal(SubmitState.Failed, m.State);
        Assert.StartsWith("not sent: 400 invalid_request_error", m.ProblemLines[0]);
        Assert.Equal("nothing was lost: fix the requests and submit again (Ctrl+S)", m.ProblemLines[1]);
        Assert.IsType<BatchApiException>(Assert.Single(_errors));
        Assert.Equal(content, m.Content);
        Assert.Empty(await _w.AllBatchesAsync());
        Assert.Equal(content.RawText, Assert.Single(await Stores.Drafts.ListAsync()).RawText);

        Assert.NotNull(m.Submit());
        m.Confirm();
        await _runner.SettleAsync();
        Assert.Equal(SubmitState.Sent, m.State);
        Assert.Equal(2, Assert.Single(await _w.AllBatchesAsync()).Counts.Total);
        await m.WhenIdle();
        Assert.Empty(await Stores.Drafts.ListAsync()); // sent: its draft is gone
    }

    [Fact]
    public async Task An_unconfirmed_create_is_Failed_journalled_never_resent_and_warned_about_at_the_next_confirmation()
    {
        using RequestEditorModel m = Model();
        m.Edit(Raw("u-1", "u-2"));
        _w.Sim.Chaos.AcceptThenFailNextCreates(1, CreateFault.ServerError);
        Assert.NotNull(m.Submit());
        m.Confirm();
        await _runner.SettleAsync();

        MessageBatch only = Assert.Single(await _w.AllBatchesAsync());
        Assert.Equal(SubmitState.Failed, m.State);
        Assert.Equal(only.Id, m.Uncertain?.Check.LikelyMatch?.Id);
        Assert.StartsWith("not confirmed: 500 api_error: Internal server error", m.ProblemLines[0]);
        Assert.StartsWith("journalled in ", m.ProblemLines[2]);
        Assert.Equal($"create unconfirmed: {only.Id} is likely it; check it before sending again", _flashes[^1]);
        Assert.Equal(only.Id, Assert.Single(await Stores.Journal.UncertainAsync()).LikelyMatch);

        IReadOnlyList<string>? again = m.Submit();
        Assert.Contains($"warning:  {only.Id} may already be this batch (the last answer was lost)", again!);
        Assert.Single(await _w.AllBatchesAsync());
    }

    [Fact]
    public async Task Validation_runs_once_typing_pauses_for_300_ms()
    {
        using RequestEditorModel m = Model();
        m.Edit(Form("lots", "a"));
        _w.Time.Advance(TimeSpan.FromMilliseconds(200));
        m.Edit(Form("lots!", "a"));
        _w.Time.Advance(TimeSpan.FromMilliseconds(200));
        await _runner.SettleAsync();
        Assert.Null(m.Last); // 400 ms since the first key, but only 200 since the last: not yet

        _w.Time.Advance(TimeSpan.FromMilliseconds(100));
        await _runner.SettleAsync();
        Assert.Contains("error: max_tokens: must be a whole number (got \"lots!\")", m.ProblemLines);

        m.Edit(Form("2000", "alpha\nbeta\n"));
        _w.Time.Advance(RequestEditorModel.ValidateDelay);
        await _runner.SettleAsync();
        Assert.Equal(["no problems: 2 requests · no errors"], m.ProblemLines);
        Assert.StartsWith("[Form] Raw · 2 requests · no errors", m.StatusText);
    }

    [Fact]
    public async Task A_draft_is_saved_a_second_after_the_first_unsaved_edit_and_offered_back_on_the_next_open()
    {
        using (RequestEditorModel m = Model())
        {
            m.Edit(Form("1024", "one"));
            _w.Time.Advance(TimeSpan.FromMilliseconds(900));
            m.Edit(Form("1024", "one\ntwo")); // typing on does not put the save off
            await _runner.SettleAsync();
            await m.WhenIdle();
            Assert.Empty(await Stores.Drafts.ListAsync());

            _w.Time.Advance(TimeSpan.FromMilliseconds(100));
            await _runner.SettleAsync();
            await m.WhenIdle();
            Draft saved = Assert.Single(await Stores.Drafts.ListAsync());
            Assert.Equal("one\ntwo", saved.InputsText);
            Assert.Equal(m.DraftId, saved.Id);
            Assert.Contains($"draft saved {_w.Time.GetLocalNow():HH:mm:ss}", m.StatusText);
            Assert.False(m.DraftDue);
        }

        using RequestEditorModel next = Model();
        int replaced = 0;
        next.ContentReplaced += () => replaced++;
        next.OfferDraft();
        await _runner.SettleAsync();
        Assert.StartsWith("unsent draft from ", next.Notice);
        Assert.EndsWith("· F6 restore · F8 discard", next.Notice);
        next.RestoreOffered();
        Assert.Equal(1, replaced);
        Assert.Equal("one\ntwo", next.Content.InputsText);
        Assert.StartsWith("restored ", next.Notice);

        next.Clear();
        await next.WhenIdle();
        Assert.Empty(await Stores.Drafts.ListAsync());
        Assert.Equal("", next.Content.InputsText);
    }
}
