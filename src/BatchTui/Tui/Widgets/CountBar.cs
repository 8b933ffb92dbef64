using BatchTui.Core.Api;
using BatchTui.Tui.Text;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// The request-count bar: succeeded, errored, canceled, expired, processing, each a run of cells proportional to its
/// count (largest remainder, so the runs always fill the width and a non-zero count gets at least one cell when it
/// can). Each kind has its own glyph as well as its own tone, so the bar reads in a mono theme.
/// </summary>
public static class CountBar
{
    public static readonly (string Name, char Glyph, Tone Tone)[] Kinds =
    [
        ("succeeded", '█', Tone.Succeeded),
        ("errored", '▓', Tone.Errored),
        ("canceled", '▒', Tone.Canceled),
        ("expired", '░', Tone.Expired),
        ("processing", '·', Tone.Processing),
    ];

    public static long[] Values(RequestCounts c) => [c.Succeeded, c.Errored, c.Canceled, c.Expired, c.Processing];

    public static IReadOnlyList<Span> Spans(RequestCounts counts, int width)
    {
        int[] cells = Cells(Values(counts), width);
        var spans = new List<Span>();
        for (int i = 0; i < cells.Length; i++)
            if (cells[i] > 0) spans.Add(new Span(new string(Kinds[i].Glyph, cells[i]), Kinds[i].Tone));
        int used = cells.Sum();
        if (used < width) spans.Add(new Span(new string(' ', width - used), Tone.Dim));
        return spans;
    }

    /// <summary>A bar for one kind against the total: <c>██████······</c>.</summary>
    public static IReadOnlyList<Span> Single(long value, long total, int width, int kind)
    {
        width = Math.Max(0, width);
        int filled = total <= 0 || value <= 0 ? 0 : (int)Math.Round(Math.Min(1.0, (double)value / total) * width);
        if (value > 0 && filled == 0) filled = 1;
        filled = Math.Min(filled, width);
        return [new Span(new string(Kinds[kind].Glyph, filled), Kinds[kind].Tone), new Span(new string('·', width - filled), Tone.Dim)];
    }

    /// <remarks>Counts come from a server: no sum overflows, and a negative count gets no cell.</remarks>
    public static int[] Cells(long[] values, int width)
    {
        var cells = new int[values.Length];
        // In double: a sum of longs a server sent can overflow long, and the shares are fractions anyway.
        double total = 0;
        foreach (long v in values) if (v > 0) total += v;
        if (total <= 0 || width <= 0) return cells;
        var remainders = new double[values.Length];
        int used = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double exact = values[i] <= 0 ? 0 : values[i] / total * width;
            cells[i] = Math.Min((int)Math.Floor(exact), width - used); // never past the width, whatever the rounding
            remainders[i] = exact - cells[i];
            used += cells[i];
        }
        // Hand out what is left by largest remainder, favouring non-zero counts that have no cell yet.
        foreach (int i in Enumerable.Range(0, values.Length)
                     .OrderByDescending(i => values[i] > 0 && cells[i] == 0)
                     .ThenByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (used >= width) break;
            if (values[i] <= 0) continue;
            cells[i]++;
            used++;
        }
        return cells;
    }

    public static string Percent(long value, long total) =>
        total <= 0 ? "—" : ((double)value / total * 100).ToString(value == total || value == 0 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
