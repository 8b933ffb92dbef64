using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;

namespace BatchTui.Core.Results.Store;

/// <summary>Compares what the file holds with the batch's <c>request_counts</c>: every difference is reported.</summary>
public static class CountCheck
{
    public static IReadOnlyList<string> Compare(RequestCounts expected, ResultsSummary actual)
    {
        var problems = new List<string>();
        Check(problems, "succeeded", expected.Succeeded, actual.Count(ResultKind.Succeeded));
        Check(problems, "errored", expected.Errored, actual.Count(ResultKind.Errored));
        Check(problems, "canceled", expected.Canceled, actual.Count(ResultKind.Canceled));
        Check(problems, "expired", expected.Expired, actual.Count(ResultKind.Expired));
        if (actual.Unparseable > 0) problems.Add($"{actual.Unparseable:N0} lines are unparseable");
        if (actual.Count(ResultKind.Unknown) > 0) problems.Add($"{actual.Count(ResultKind.Unknown):N0} results have an unknown type");
        return problems;
    }

    private static void Check(List<string> problems, string what, long expected, int actual)
    {
        if (expected != actual) problems.Add($"{what}: batch says {expected:N0}, file has {actual:N0}");
    }
}
