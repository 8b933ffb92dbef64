namespace BatchTui.Core.Results.Stats;

/// <summary>A horizontal bar of block glyphs, eighths of a cell at its tip: mono-safe, no colour needed to read it.</summary>
public static class StatsBar
{
    private static readonly char[] Eighths = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

    /// <summary>A bar of <paramref name="fraction"/> (0..1) of <paramref name="width"/> cells; any non-zero value shows at least a sliver.</summary>
    public static string Of(double fraction, int width)
    {
        if (width <= 0 || double.IsNaN(fraction) || fraction <= 0) return "";
        int eighths = (int)Math.Round(Math.Min(1, fraction) * width * 8);
        if (eighths == 0) eighths = 1;
        string full = new('█', eighths / 8);
        return eighths % 8 == 0 ? full : full + Eighths[eighths % 8 - 1];
    }
}
