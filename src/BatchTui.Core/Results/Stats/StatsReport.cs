using BatchTui.Core.Config;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Text;
using System.Globalization;

namespace BatchTui.Core.Results.Stats;

/// <summary>
/// The stats as lines of text for a width: a summary (totals and cost), the index's frequency tables and token
/// histograms, the cost per model, then what a read of the lines found (block types, tools, domains, text length).
/// The stats pane draws these lines (and filters on Enter), <c>batchtui stats</c> prints them: one layout, the same
/// figures. Values from the file pass the sanitiser and are cut by display width.
/// </summary>
public static class StatsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="pending">Shown in place of the content part while the lines are being read (e.g. "reading… 40%").</param>
    public static List<StatsLine> Lines(ResultsStats stats, int width, string? pending = null)
    {
        width = Math.Max(40, width);
        IndexStats ix = stats.Index;
        int countWidth = Math.Max(5, Units.N(Math.Max(1, ix.Results)).Length);
        // Values get up to 40 columns, bars what is left (up to 50): on a wide screen the bars grow, not the gap.
        int fixedWidth = 2 + 1 + countWidth + 1 + 6 + 1;
        int valueWidth = Math.Clamp(width - fixedWidth - Math.Clamp(width / 4, 8, 30), 8, 40);
        int barWidth = Math.Clamp(width - fixedWidth - valueWidth, 8, 50);
        var lines = new List<StatsLine>
        {
            new(Fit($"{Units.Plural(ix.Results, "result")} · tokens in {Units.N(ix.Tokens.Input)} · out {Units.N(ix.Tokens.Output)}", width), StatsLineKind.Summary),
            new(Fit($"cache tokens write {Units.N(ix.Tokens.CacheWrite)} · read {Units.N(ix.Tokens.CacheRead)} · all {Units.N(ix.Tokens.All)}", width), StatsLineKind.Summary),
            new(Fit(CostLine(ix.Cost), width), StatsLineKind.Summary),
        };

        void Row(string value, int count, double percent, Func<ResultsFilter, ResultsFilter> narrow)
        {
            string head = $"  {TextWidth.Fit(UntrustedText.ForTerminal(value), valueWidth)} {Units.N(count).PadLeft(countWidth)} {Percent(percent),6} ";
            lines.Add(new StatsLine(Fit(head + StatsBar.Of(percent / 100, barWidth), width), StatsLineKind.Row, count > 0 ? narrow : null, head.Length));
        }
        void Table(FrequencyTable t)
        {
            lines.Add(StatsLine.Blank);
            lines.Add(new StatsLine(Fit(t.Title, width), StatsLineKind.Heading));
            if (t.Rows.Count == 0) lines.Add(new StatsLine("  (none)", StatsLineKind.Note));
            foreach (FrequencyRow r in t.Rows) Row(r.Value, r.Count, r.Percent, r.Narrow);
            if (t.More > 0) lines.Add(new StatsLine($"  … {Units.Plural(t.More, "more value")}", StatsLineKind.Note));
        }
        void Hist(Histogram h)
        {
            lines.Add(StatsLine.Blank);
            lines.Add(new StatsLine(Fit(h.Title, width), StatsLineKind.Heading));
            if (h.Buckets.Count == 0) lines.Add(new StatsLine("  (none)", StatsLineKind.Note));
            foreach (HistogramBucket b in h.Buckets) Row(b.Label, b.Count, b.Percent, b.Narrow);
        }

        foreach (FrequencyTable t in ix.Tables) Table(t);
        foreach (Histogram h in ix.Histograms) Hist(h);

        lines.Add(StatsLine.Blank);
        lines.Add(new StatsLine(Fit($"cost by model (batch prices: {PriceTable.BatchDiscount * 100:0}% off the standard prices of the price table)", width), StatsLineKind.Heading));
        if (ix.Cost.Models.Count == 0) lines.Add(new StatsLine("  (no succeeded results)", StatsLineKind.Note));
        foreach (ModelCost m in ix.Cost.Models)
        {
            string name = m.Model.Length == 0 ? "(none)" : m.Model;
            string cost = m.Cost is { } usd ? Usd(usd) : "no price: tokens only";
            string head = $"  {TextWidth.Fit(UntrustedText.ForTerminal(name), valueWidth)} {Units.N(m.Results).PadLeft(countWidth)} ";
            lines.Add(new StatsLine(Fit(head + cost, width), StatsLineKind.Row, f => f.WithFacet(ResultsFacet.Model(m.Model))));
            lines.Add(new StatsLine(Fit($"      in {Units.N(m.Input)} · out {Units.N(m.Output)} · cache write {Units.N(m.CacheWrite)} · cache read {Units.N(m.CacheRead)}", width), StatsLineKind.Note));
        }

        // The part read from the lines comes last: when it arrives it is appended, and nothing above moves.
        if (stats.Content is { } content)
        {
            foreach (FrequencyTable t in content.Tables) Table(t);
            Hist(content.TextLength);
        }
        else
        {
            lines.Add(StatsLine.Blank);
            lines.Add(new StatsLine(Fit(pending ?? "block types, tools, citation domains and text length: not read", width), StatsLineKind.Note));
        }
        return lines;
    }

    /// <summary>"cost ≈ $1.23 (batch prices)", or what is missing when a model has no price.</summary>
    public static string CostLine(CostEstimate cost)
    {
        var unpriced = cost.Unpriced;
        if (cost.Models.Count == 0) return "cost: nothing was billed (no succeeded results)";
        if (unpriced.Count == cost.Models.Count)
            return $"cost: no price for {string.Join(", ", unpriced.Select(m => UntrustedText.ForTerminal(m.Model)))} (add it to prices in the config): tokens only";
        string total = $"cost ≈ {Usd(cost.Total)} at batch prices";
        return unpriced.Count == 0 ? total
            : $"{total} + {Units.Plural(unpriced.Sum(m => m.Results), "result")} of {string.Join(", ", unpriced.Select(m => UntrustedText.ForTerminal(m.Model)))} (no price: tokens only)";
    }

    public static string Usd(decimal usd) => usd >= 1 ? "$" + usd.ToString("N2", Inv) : "$" + usd.ToString("0.00####", Inv);

    public static string Percent(double p) => p.ToString("0.0", Inv) + "%";

    private static string Fit(string text, int width)
    {
        string clean = UntrustedText.ForTerminal(text);
        return TextWidth.Of(clean) <= width ? clean : TextWidth.Fit(clean, width);
    }
}
