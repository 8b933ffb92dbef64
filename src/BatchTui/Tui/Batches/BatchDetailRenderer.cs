using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Text;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using System.Globalization;

namespace BatchTui.Tui.Batches;

/// <summary>
/// The detail pane's lines for one batch: the five timestamps absolute and relative, elapsed and time left, counts
/// with bars and percentages, the results URL and a notice when results are archived or not yet there.
/// <paramref name="compact"/> folds the counts into one bar for short terminals.
/// </summary>
public static class BatchDetailRenderer
{
    private const int LabelWidth = 11;
    // The per-kind rows are indented under "requests": "  processing " needs more room than a field label.
    private static readonly int CountLabelWidth = CountBar.Kinds.Max(k => k.Name.Length) + 3;

    /// <param name="watch">When given: the archive countdown on the "archived" row, and a mark on a watched batch.</param>
    /// <param name="local">The batch's local label and note: right under the id (compact: the note's first two lines).</param>
    public static IReadOnlyList<StyledLine> Lines(MessageBatch b, DateTimeOffset now, TimeZoneInfo zone, int width, bool compact,
        BatchEndWatch? watch = null, BatchNote? local = null)
    {
        var lines = new List<StyledLine> { Row("id", new Span(b.Id, Tone.Accent)) };
        if (local?.Label is { } label) lines.Add(Row("label", new Span(UntrustedText.ForTerminal(label), Tone.Accent)));
        if (local?.Note is { } note)
        {
            // Wrapped, sanitised (the labels file is editable by hand); its own lines kept.
            var wrapped = UntrustedText.ForTerminalLines(note).Split('\n')
                .SelectMany(l => TextWrap.Wrap(l, Math.Max(10, width - LabelWidth))).ToList();
            int shown = compact && wrapped.Count > 2 ? 2 : wrapped.Count;
            for (int i = 0; i < shown; i++)
                lines.Add(Row(i == 0 ? "note" : "", new Span(i == shown - 1 && shown < wrapped.Count ? wrapped[i] + " …" : wrapped[i])));
        }
        lines.AddRange(new List<StyledLine>
        {
            Row("status", new Span(b.Status == BatchStatus.Unknown ? "unknown" : b.Status.ToWire(), StatusTone.Of(b.Status)),
                new Span("  " + Elapsed(b, now), Tone.Dim), new Span(watch?.IsWatched(b.Id) == true ? "  ◉ watching" : "", Tone.Accent)),
            Stamp("created", b.CreatedAt, now, zone),
            b.IsEnded ? Stamp("expires", b.ExpiresAt, now, zone) : Expiry(b, now, zone),
            Stamp("ended", b.EndedAt, now, zone),
            Stamp("cancel req", b.CancelInitiatedAt, now, zone),
            watch is null ? Stamp("archived", b.ArchivedAt, now, zone) : Archive(b, zone, watch),
        });

        long total = b.Counts.Total;
        long[] values = CountBar.Values(b.Counts);
        int barWidth = Math.Clamp(width - (compact ? LabelWidth : CountLabelWidth) - 22, 4, 40);
        if (compact)
        {
            lines.Add(Row("requests", [.. CountBar.Spans(b.Counts, barWidth), new Span($" {total:N0} total")]));
            var parts = new LineBuilder().Add(Pad(""));
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) parts.Add(" ");
                parts.Add($"{CountBar.Kinds[i].Glyph}", CountBar.Kinds[i].Tone).Add($"{CountBar.Kinds[i].Name} {values[i]:N0}", values[i] > 0 ? Tone.Normal : Tone.Dim);
            }
            lines.Add(parts.Build());
        }
        else
        {
            lines.Add(Row("requests", new Span($"{total:N0} total")));
            for (int i = 0; i < values.Length; i++)
            {
                lines.Add(new LineBuilder()
                    .Add(("  " + CountBar.Kinds[i].Name).PadRight(CountLabelWidth), CountBar.Kinds[i].Tone)
                    .Add(CountBar.Single(values[i], total, barWidth, i))
                    .Add(" ").Cell(values[i].ToString("N0", CultureInfo.InvariantCulture), 9, right: true)
                    .Add(" ").Cell(CountBar.Percent(values[i], total), 6, Tone.Dim, right: true)
                    .Build());
            }
        }

        lines.Add(b.ResultsUrl is { } url ? Row("results", new Span(url, Tone.Accent)) : Row("results", new Span("—", Tone.Dim)));
        if (BatchActionRules.WhyNoResults(b) is { } why)
        {
            // Wrapped, not cut: the reason is the point of the line.
            bool archived = b.ArchivedAt is not null;
            foreach (string part in TextWrap.Wrap((archived ? "⚠ " : "… ") + why, Math.Max(10, width - LabelWidth)))
                lines.Add(Row("", new Span(part, archived ? Tone.Warning : Tone.Dim)));
        }
        return lines;
    }

    private static string Elapsed(MessageBatch b, DateTimeOffset now) => b.EndedAt is { } ended
        ? $"took {RelativeTime.Precise(ended - b.CreatedAt)}"
        : $"running {RelativeTime.Precise(now - b.CreatedAt)}";

    // While running, what matters about expiry is the time left.
    private static StyledLine Expiry(MessageBatch b, DateTimeOffset now, TimeZoneInfo zone)
    {
        TimeSpan left = b.ExpiresAt - now;
        Span rel = left > TimeSpan.Zero
            ? new Span($"  {RelativeTime.Precise(left)} left", left < TimeSpan.FromHours(1) ? Tone.Warning : Tone.Dim)
            : new Span("  expiry passed", Tone.Warning);
        return Row("expires", new Span(RelativeTime.Absolute(b.ExpiresAt, zone)), rel);
    }

    // The countdown to archiving: results stay downloadable for 29 days after created_at.
    private static StyledLine Archive(MessageBatch b, TimeZoneInfo zone, BatchEndWatch watch)
    {
        TimeSpan left = watch.ArchiveLeft(b);
        var countdown = new Span("  " + watch.ArchiveText(b), left <= BatchEndWatch.WarnWithin ? Tone.Warning : Tone.Dim);
        return b.ArchivedAt is { } at
            ? Row("archived", new Span(RelativeTime.Absolute(at, zone)), countdown)
            : Row("archived", new Span("—", Tone.Dim), countdown);
    }

    private static StyledLine Stamp(string label, DateTimeOffset? t, DateTimeOffset now, TimeZoneInfo zone) =>
        t is { } at
            ? Row(label, new Span(RelativeTime.Absolute(at, zone)), new Span("  " + RelativeTime.FromPrecise(at, now), Tone.Dim))
            : Row(label, new Span("—", Tone.Dim));

    private static StyledLine Row(string label, params Span[] value) =>
        new LineBuilder().Add(Pad(label), Tone.Label).Add(value).Build();

    private static string Pad(string label) => label.PadRight(LabelWidth);
}
