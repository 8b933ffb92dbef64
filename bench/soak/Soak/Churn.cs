using System.Text.Json;
using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tui.Batches;

namespace Soak;

/// <summary>
/// One user's actions per step, made as the panes make them: create (journalled, then shown selected in the list),
/// cancel (the batch replaced in place), delete (removed from the list). Each create is checked against the truth.
/// </summary>
internal sealed class Churn(IBatchesApi api, BatchListModel model, SubmissionJournal journal, Truth truth, Ledger ledger, Random rng)
{
    // A person composes between submits: two creates at least this far apart (see CreateCheck.Slack).
    private static readonly TimeSpan CreateGap = TimeSpan.FromSeconds(30);
    private static readonly JsonElement Params =
        JsonDocument.Parse("""{"model":"claude-haiku-4-5","max_tokens":16,"messages":[{"role":"user","content":"soak"}]}""").RootElement;

    private readonly HashSet<string> _ours = [];
    private readonly HashSet<string> _deleted = [];
    private int _stepsSinceCreate = 1000;

    public int Live => _ours.Count(id => !_deleted.Contains(id));

    public async Task StepAsync()
    {
        _stepsSinceCreate++;
        // Per 5 s step: create 30 % (when the gap allows), cancel 8 %, delete 10 %, else read the screen.
        double r = rng.NextDouble();
        if (r < 0.30) { if (_stepsSinceCreate * 5 >= CreateGap.TotalSeconds) await CreateAsync(); }
        else if (r < 0.38) await CancelAsync();
        else if (r < 0.48) await DeleteAsync();
        CheckPage();
    }

    private async Task CreateAsync()
    {
        _stepsSinceCreate = 0;
        ledger.CreateAttempts++;
        int n = rng.Next(1, 6);
        var items = Enumerable.Range(1, n).Select(i => new BatchRequestItem($"soak-{ledger.CreateAttempts}-{i}", Params)).ToList();
        int before = truth.Count;
        string? returned = null, named = null;
        bool uncertain = false;
        try
        {
            MessageBatch b = await api.CreateAsync(new BatchCreateRequest(items));
            returned = b.Id;
            await journal.RecordAsync(b.Id, items, api.BaseUrl);
            model.Upsert(b, select: true);
        }
        catch (CreateUncertainException u)
        {
            uncertain = true;
            named = u.Check.LikelyMatch?.Id;
            ledger.Examples.TryAdd(named is null ? "unconfirmed, none found" : "unconfirmed, match", u.Message);
            await journal.RecordUncertainAsync(u, items, api.BaseUrl);
        }
        catch (BatchApiException)
        {
            // refused (4xx, 429/529 after the retries): the pane shows it; nothing should exist
        }

        int delta = truth.Count - before;
        if (delta > 1)
        {
            ledger.Duplicates += delta - 1;
            ledger.Fail($"create #{ledger.CreateAttempts} made {delta} batches");
        }
        string? actual = delta >= 1 ? await truth.NewestIdAsync() : null;
        if (returned is not null)
        {
            if (actual == returned) ledger.CreatedReturned++;
            else ledger.Fail($"create #{ledger.CreateAttempts} returned {returned} but the server's new batch is {actual ?? "none"}");
        }
        else if (uncertain && named is not null)
        {
            if (actual == named) ledger.UncertainMatched++;
            else
            {
                ledger.WrongMatch++;
                if (actual is not null) ledger.Unaccounted++;
                ledger.Fail($"create #{ledger.CreateAttempts} named {named} but the server's new batch is {actual ?? "none"}");
            }
        }
        else if (actual is null)
        {
            if (uncertain) ledger.UncertainNoneCreated++;
            else ledger.RefusedNoneCreated++;
        }
        else
        {
            ledger.Unaccounted++;
            ledger.Fail($"create #{ledger.CreateAttempts} ({(uncertain ? "unconfirmed, no match named" : "refused")}) created {actual}");
        }
        if (actual is not null && (actual == returned || actual == named)) _ours.Add(actual);
    }

    private async Task CancelAsync()
    {
        var can = model.State.Page.Where(b => b.CanCancel).ToList();
        if (can.Count == 0) return;
        MessageBatch target = can[rng.Next(can.Count)];
        try
        {
            model.Upsert(await api.CancelAsync(target.Id));
            ledger.Cancels++;
        }
        catch (BatchApiException)
        {
            ledger.CancelFailures++; // e.g. it ended meanwhile (409): the pane flashes it
        }
    }

    private async Task DeleteAsync()
    {
        var can = model.State.Page.Where(b => b.CanDelete).ToList();
        if (can.Count == 0) return;
        MessageBatch target = can[rng.Next(can.Count)];
        try
        {
            string id = await api.DeleteAsync(target.Id);
            model.Remove(id);
            _deleted.Add(id);
            ledger.Deletes++;
        }
        catch (BatchApiException)
        {
            ledger.DeleteFailures++;
        }
    }

    private void CheckPage()
    {
        var ids = model.State.Page.Select(b => b.Id).ToList();
        if (ids.Count != ids.Distinct().Count()) ledger.Fail("the list shows a batch twice");
    }

    /// <summary>Every batch on the server is seeded or one the client knows it made, none twice; none of ours is lost.</summary>
    public async Task FinalAccountAsync(HashSet<string> seeded)
    {
        List<string> all = await truth.AllAsync();
        if (all.Count != all.Distinct().Count())
        {
            ledger.Duplicates++;
            ledger.Fail("the server lists a batch id twice");
        }
        foreach (string id in all.Where(id => !seeded.Contains(id) && !_ours.Contains(id)))
        {
            ledger.Unaccounted++;
            ledger.Fail($"{id} exists but no create accounted for it");
        }
        var present = all.ToHashSet();
        foreach (string id in _ours.Where(id => !_deleted.Contains(id) && !present.Contains(id)))
            ledger.Fail($"{id} was created and never deleted, but is gone");
    }
}
