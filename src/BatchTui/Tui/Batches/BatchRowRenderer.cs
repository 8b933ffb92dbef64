using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using System.Globalization;

namespace BatchTui.Tui.Batches;

/// <summary>
/// One batch as a list row: marker, id, status, created (relative), request-count bar with total, and when it ends.
/// The id column takes what is left after the others (the bar shrinks first); a cut id keeps its distinctive tail,
/// and the full id is always in the detail pane. With <c>labels</c> (some batch on the page has a local label) a LABEL
/// column follows the id: it takes room from the bar and the id's <c>msgbatch_</c> prefix, and is dropped entirely
/// rather than cut the id's distinctive part.
/// </summary>
public sealed class BatchRowRenderer
{
    public const string SelectedMarker = "▶ ";
    public const string UnselectedMarker = "  ";
    /// <summary>The marker's second column on a watched batch (<c>w</c>, or created in this session).</summary>
    public const char WatchedMark = '◉';
    private const int StatusWidth = 11, CreatedWidth = 8, TotalWidth = 7, WhenWidth = 14, MinBar = 6, MaxBar = 24, MinId = 14;
    private const int FullId = 33;
    // The id without its "msgbatch_" prefix: the part that tells batches apart.
    private const int ShortIdWidth = FullId - 9;
    private const int MinLabel = 6, BaseLabel = 16, MaxLabel = 32;

    public BatchRowRenderer(int width, bool labels = false)
    {
        Width = width;
        int fixedCols = UnselectedMarker.Length + 1 + StatusWidth + 1 + CreatedWidth + 1 + 1 + TotalWidth + 1 + WhenWidth;
        int rest = Math.Max(0, width - fixedCols);
        if (labels && rest - ShortIdWidth >= 1 + MinLabel)
        {
            LabelWidth = Math.Min(BaseLabel, rest - ShortIdWidth - 1);
            rest -= LabelWidth + 1;
            // The prefix only when it fits whole (a partial one is blank columns); then the bar; the rest to the label.
            IdWidth = rest - MinBar >= FullId ? FullId : ShortIdWidth;
            BarWidth = Math.Clamp(rest - IdWidth, 0, MaxBar);
            if (BarWidth < MinBar) BarWidth = 0;
            int spare = rest - IdWidth - BarWidth;
            int more = Math.Min(spare, MaxLabel - LabelWidth);
            LabelWidth += more;
            IdWidth += spare - more;
            return;
        }
        IdWidth = Math.Max(MinId, Math.Min(FullId, rest - MinBar));
        BarWidth = Math.Clamp(rest - IdWidth, 0, MaxBar);
        // Any width left over goes to the id (ids may be longer than today's 33).
        IdWidth = Math.Max(IdWidth, rest - BarWidth);
    }

    public int Width { get; }
    public int IdWidth { get; }
    public int BarWidth { get; }
    /// <summary>0: no LABEL column (no labels on the page, or no room for one without cutting the id).</summary>
    public int LabelWidth { get; }

    public StyledLine Header()
    {
        var line = new LineBuilder().Add(UnselectedMarker).Cell("ID", IdWidth, Tone.Label).Add(" ");
        if (LabelWidth > 0) line.Cell("LABEL", LabelWidth, Tone.Label).Add(" ");
        return line
            .Cell("STATUS", StatusWidth, Tone.Label).Add(" ")
            .Cell("CREATED", CreatedWidth, Tone.Label).Add(" ")
            .Cell("REQUESTS", BarWidth + 1 + TotalWidth, Tone.Label).Add(" ")
            .Cell("ENDS", WhenWidth, Tone.Label)
            .Build();
    }

    /// <param name="watched">Marked with <see cref="WatchedMark"/>.</param>
    /// <param name="archiveSoon">Ended, not cached, and archived within days: the ENDS column says when, as a warning.</param>
    /// <param name="label">The batch's local label (shown when there is a LABEL column).</param>
    public StyledLine Row(MessageBatch b, DateTimeOffset now, bool selected, bool watched = false, TimeSpan? archiveSoon = null,
        string? label = null)
    {
        string marker = selected ? SelectedMarker : UnselectedMarker;
        if (watched) marker = marker[0] + WatchedMark.ToString();
        var line = new LineBuilder()
            .Add(marker, Tone.Accent)
            .Cell(ShortId(b.Id, IdWidth), IdWidth).Add(" ");
        if (LabelWidth > 0) line.Cell(Label(label, LabelWidth), LabelWidth, Tone.Accent).Add(" ");
        line
            .Cell(b.Malformed is not null ? "malformed" : b.Status == BatchStatus.Unknown ? "unknown" : b.Status.ToWire(), StatusWidth,
                b.Malformed is not null ? Tone.Warning : StatusTone.Of(b.Status)).Add(" ")
            .Cell(RelativeTime.From(b.CreatedAt, now), CreatedWidth, Tone.Dim).Add(" ");
        if (BarWidth > 0) line.Add(CountBar.Spans(b.Counts, BarWidth)).Add(" ");
        line.Cell(b.Counts.Total.ToString("N0", CultureInfo.InvariantCulture), TotalWidth, right: true).Add(" ");
        (string when, Tone tone) = archiveSoon is { } left ? ($"archive in {RelativeTime.Short(left)}", Tone.Warning) : When(b, now);
        line.Cell(when, WhenWidth, tone);
        return line.Build();
    }

    /// <summary>A label for a cell: one line, sanitised (the labels file may be edited by hand), cut with an ellipsis.</summary>
    public static string Label(string? label, int width)
    {
        if (string.IsNullOrEmpty(label) || width <= 0) return "";
        string s = UntrustedText.ForTerminal(TextWidth.Head(label, 1024));
        return TextWidth.Of(s) <= width ? s : TextWidth.Cut(s, width - 1) + "…";
    }

    /// <summary><c>expires in 21h</c> while running, <c>ended 3h ago</c> once it ended.</summary>
    public static (string Text, Tone Tone) When(MessageBatch b, DateTimeOffset now) => b switch
    {
        { Malformed: not null } => ("unreadable", Tone.Warning),
        { Status: BatchStatus.Ended, EndedAt: { } ended } => ($"ended {RelativeTime.From(ended, now)}", Tone.Dim),
        { Status: BatchStatus.Ended } => ("ended", Tone.Dim),
        _ when b.ExpiresAt <= now => ("expiring", Tone.Warning),
        _ => ($"expires {RelativeTime.From(b.ExpiresAt, now)}", b.ExpiresAt - now < TimeSpan.FromHours(1) ? Tone.Warning : Tone.Normal),
    };

    /// <summary>The id cut to <paramref name="width"/> columns: the <c>msgbatch_</c> prefix goes first, then the
    /// middle. The id is the server's: sanitised, and cut by grapheme cluster.</summary>
    public static string ShortId(string id, int width)
    {
        id = UntrustedText.ForTerminal(TextWidth.Head(id, 1024));
        if (TextWidth.Of(id) <= width) return id;
        string s = id.StartsWith("msgbatch_", StringComparison.Ordinal) ? id[9..] : id;
        if (TextWidth.Of(s) <= width) return s;
        int head = Math.Max(1, (width - 1) / 3);
        int tail = width - 1 - head;
        return TextWidth.Cut(s, head) + "…" + TextWidth.Tail(s, tail);
    }
}
