using BatchTui.Core.Requests;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Editor;

/// <summary>What the editor's content amounts to right now: the checked requests (when it got that far) and the problems.</summary>
public sealed record Composition(CheckedRequests? Requests, IReadOnlyList<Problem> Problems)
{
    public bool CanSubmit => Requests is { CanSubmit: true };
    public int ErrorCount => Problems.Count(p => p.IsError);

    /// <summary>The status line, e.g. <c>3 requests · 2 errors · 1 warning</c>.</summary>
    public string Summary
    {
        get
        {
            int warnings = Problems.Count - ErrorCount;
            string count = Requests is null ? "no requests" : Units.Plural(Requests.Preview.Count, "request");
            string errors = ErrorCount == 0 ? "no errors" : Units.Plural(ErrorCount, "error");
            return $"{count} · {errors}{(warnings > 0 ? " · " + Units.Plural(warnings, "warning") : "")}";
        }
    }
}
