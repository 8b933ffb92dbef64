using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;

namespace BatchTui.Tui.Shell;

// The header, flash and hint lines.
public sealed partial class AppShell
{
    private StyledLine HeaderLine(int width)
    {
        DateTimeOffset now = _time.GetUtcNow();
        string refresh = Busy ? "⟳ loading…" : RefreshText?.Invoke() ?? "";
        string clock = TimeZoneInfo.ConvertTime(now, Zone).ToString("HH:mm:ss") + (Zone == TimeZoneInfo.Utc ? " UTC " : " ");
        // On a narrow terminal the labels go before the refresh state does: it tells the user whether data is live.
        // The refresh state needs a space before it and two after: "…/v1  refresh in 5s  12:00:00".
        int needed = refresh.Length + 3;
        LineBuilder left = HeaderLeft(squeeze: 0);
        for (int squeeze = 1; squeeze <= 2 && refresh.Length > 0 && width - left.Length - clock.Length < needed; squeeze++)
            left = HeaderLeft(squeeze);
        int room = width - left.Length - clock.Length;
        if (refresh.Length > 0 && room >= needed)
        {
            left.Add(new string(' ', room - refresh.Length - 2)).Add(refresh, Tone.Dim).Add("  ");
        }
        else if (room > 0) left.Add(new string(' ', room));
        return left.Add(clock, Tone.Dim).Build();
    }

    // squeeze 0: as is; 1: no "profile" label or URL scheme; 2: also "[sim]" for "[simulator]".
    private LineBuilder HeaderLeft(int squeeze)
    {
        bool compact = squeeze > 0;
        var left = new LineBuilder().Add(" BatchTui ", Tone.Accent);
        // open FILE: the file is what is browsed (no API, no profile); its name is untrusted text like any other.
        if (Info.File is { } file) return left.Add(" file ", Tone.Dim).Add(Core.Text.UntrustedText.ForTerminal(file));
        string url = Info.BaseUrl.ToString().TrimEnd('/');
        if (compact) url = url.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal);
        if (!compact) left.Add(" profile ", Tone.Dim);
        else left.Add(" ");
        left.Add(Info.ProfileName);
        if (Info.Workspace is { } ws && squeeze == 0) left.Add(" · " + Core.Text.UntrustedText.ForTerminal(ws), Tone.Dim);
        left.Add("  ").Add(url);
        if (Info.IsSimulator) left.Add(squeeze > 1 ? " [sim]" : " [simulator]", Tone.Warning);
        if (ReadOnly) left.Add(compact ? " [read-only]" : "  [read-only]", Tone.Warning);
        return left;
    }

    private StyledLine FlashLine(int width) =>
        _flash is { } f && (f.Owner is null || f.Owner == Top) && f.ShownAt(_time.GetUtcNow()) ? f.Render() : StyledLine.Empty;

    private StyledLine HintLine(int width)
    {
        // The way out and the way to help always show; the pane's own hints get the room that is left, in order.
        var tail = new LineBuilder();
        AddHints(tail, _global.Hints(), int.MaxValue);
        if (_stack.Count > 1) tail.Add(" ").Add("Esc", Tone.Accent).Add(" back ", Tone.Dim);
        var line = new LineBuilder();
        AddHints(line, TopMap?.Hints() ?? [], width - tail.Length);
        return line.Add(tail.Build().Spans).Build();
    }

    // A disabled action's key is dimmed like its name: it is there, but says why instead of running.
    private static void AddHints(LineBuilder line, IReadOnlyList<KeyGroup> hints, int room)
    {
        foreach (KeyGroup hint in hints)
        {
            if (line.Length + hint.Keys.Length + hint.Text.Length + 3 > room) break;
            line.Add(" ").Add(hint.Keys, hint.Disabled ? Tone.Dim : Tone.Accent).Add(" " + hint.Text + " ", Tone.Dim);
        }
    }

    /// <summary>The hint line as text (tests, README).</summary>
    public string HintText => HintLine(Viewport.Width).Text;
    public string HeaderText => HeaderLine(Viewport.Width).Text;
}
