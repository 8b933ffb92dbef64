using BatchTui.Core.Config;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Stats;
using BatchTui.Core.Tests.Results;
using BatchTui.Core.Text;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Stats;

/// <summary>The report's lines: what is selectable, the pending note, widths, and values from the file made inert.</summary>
public sealed class StatsReportTests
{
    [Fact]
    public void Rows_with_results_are_selectable_empty_buckets_are_not_and_the_lines_part_waits_with_a_note()
    {
        using var dir = new TempDir();
        using ResultsIndex index = ResultsIndex.Build(WriteFile(dir,
            Succeeded("a", ResultLines.Text("x"), input: 3, model: "claude-opus-4-8"),
            Succeeded("b", ResultLines.Text("y"), input: 3000, model: "claude-opus-4-8"),
            Errored("c", "overloaded_error")));
        int[] rows = [0, 1, 2];
        var stats = new ResultsStats(IndexStats.Of(index, rows, PriceTable.Default), null);
        List<StatsLine> lines = StatsReport.Lines(stats, 80, "reading… 40%");
        Assert.All(lines, l => Assert.True(TextWidth.Of(l.Text) <= 80, l.Text));
        Assert.Contains(lines, l => l.Kind == StatsLineKind.Note && l.Text == "reading… 40%");
        StatsLine empty = lines.First(l => l.Text.TrimStart().StartsWith("5–9 ", StringComparison.Ordinal)); // between 3 and 3000
        Assert.Null(empty.Narrow);
        Assert.NotNull(lines.Single(l => l.Text.TrimStart().StartsWith("2–4 ", StringComparison.Ordinal)).Narrow);
        StatsLine ok = lines.Single(l => l.Text.TrimStart().StartsWith("succeeded ", StringComparison.Ordinal));
        Assert.Contains("  2  66.7% █", ok.Text);
        Assert.Equal('█', ok.Text[ok.BarStart]); // where the pane starts the bar's tone
        Assert.Contains(lines, l => l.Text.StartsWith("cost ≈ $", StringComparison.Ordinal)); // opus-4-8 has a shipped price

        var read = new ResultsStats(stats.Index, ContentStats.Scan(index, rows));
        List<StatsLine> full = StatsReport.Lines(read, 120);
        Assert.Equal(lines.Take(lines.Count - 2).Select(l => l.Kind), full.Take(lines.Count - 2).Select(l => l.Kind)); // appended, nothing above moved
        Assert.Contains(full, l => l.Text.StartsWith("text length in characters (of 2 succeeded)", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_from_the_file_reach_the_lines_inert()
    {
        using var dir = new TempDir();
        // JSON escapes in the file: the decoded values hold ESC, BEL and a bidi override.
        string evil = "evil\\u001b]52;c;AAAA\\u0007\\u202emodel";
        using ResultsIndex index = ResultsIndex.Build(WriteFile(dir, Valid(Succeeded("a", ResultLines.Text("x"), stop: "end\\u001b[2J", model: evil))));
        List<StatsLine> lines = StatsReport.Lines(ResultsStats.Compute(index, [0], PriceTable.Empty), 100);
        Assert.All(lines, l => Assert.True(UntrustedText.IsInert(l.Text), l.Text));
        Assert.Contains(lines, l => l.Text.Contains("no price", StringComparison.Ordinal));
    }
}
