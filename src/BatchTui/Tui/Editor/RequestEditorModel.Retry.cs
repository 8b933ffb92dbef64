using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Editor;

/// <summary>
/// Retry failed: the raw editor holds the failed requests of a batch with their original params, from the
/// submission journal or from the original requests file the user points at; F7 switches the custom_ids between
/// the originals and <c>-retryN</c> ones.
/// </summary>
public sealed partial class RequestEditorModel
{
    private IReadOnlyList<BatchRequestItem>? _retryOriginals;

    internal RetryContext? Retry { get; private set; }

    /// <summary>Plans the retry of <paramref name="failedCustomIds"/> of <paramref name="batchId"/> (off the UI thread).</summary>
    internal void StartRetry(string batchId, IReadOnlyCollection<string> failedCustomIds)
    {
        Retry = new RetryContext(batchId, failedCustomIds);
        Notice = $"looking up the {Units.Plural(failedCustomIds.Count, "failed request")} of {UntrustedText.ForTerminal(batchId)}...";
        Replace(Content with { Mode = EditorMode.Raw, RetryOf = batchId });
        PlanRetry();
    }

    private void PlanRetry()
    {
        RetryContext r = Retry!;
        var planner = new RetryPlanner(_stores.Journal);
        Background(ct => planner.PlanAsync(r.BatchId, r.FailedCustomIds, RetryIdMode.SameIds, r.OriginalFile, ct), plan =>
        {
            if (!plan.Ok)
            {
                _retryOriginals = null;
                Notice = UntrustedText.ForTerminal(plan.Problem) + " · Ctrl+O original file";
                SetProblems([plan.Problem ?? ""]);
                return;
            }
            _retryOriginals = plan.Requests;
            Notice = $"{UntrustedText.ForTerminal(plan.Summary)} · F7 ids: {(r.Mode == RetryIdMode.SameIds ? "same" : "-retryN")}";
            ApplyRetryIds(r.OriginalFile);
        }, e => ShowError(e.Message));
    }

    /// <summary>F7: same custom_ids as the original batch, or with a <c>-retryN</c> suffix.</summary>
    public void ToggleRetryIds()
    {
        if (Retry is null || _retryOriginals is null)
        {
            Flashed?.Invoke("only for a retry of failed requests");
            return;
        }
        Retry.Mode = Retry.Mode == RetryIdMode.SameIds ? RetryIdMode.RetrySuffix : RetryIdMode.SameIds;
        Notice = $"custom_ids: {(Retry.Mode == RetryIdMode.SameIds ? "same as the original batch" : "with a -retryN suffix")} · F7 toggles";
        ApplyRetryIds(Content.SourceFile);
    }

    private void ApplyRetryIds(string? source)
    {
        RetryPlan plan = RetryPlanner.Build(Retry!.BatchId, _retryOriginals!, _retryOriginals!.Select(i => i.CustomId).ToList(), Retry.Mode, "");
        Replace(Content with { Mode = EditorMode.Raw, RawText = RequestsJson.ToJsonl(plan.Requests), SourceFile = source });
        ValidateInBackground();
    }
}
