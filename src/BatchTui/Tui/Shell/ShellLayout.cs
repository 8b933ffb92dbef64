using System.Drawing;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Where things go for a screen size: header on the first row, flash bar and key hints on the last two, the panes in
/// between. Below <see cref="MinWidth"/> x <see cref="MinHeight"/> nothing is drawn but a message saying so.
/// </summary>
public sealed record ShellLayout(bool TooSmall, Rectangle Header, Rectangle Body, Rectangle Flash, Rectangle Hints)
{
    public const int MinWidth = 80, MinHeight = 24;

    /// <param name="minWidth">The least the panes shown need (the batch list: <see cref="MinWidth"/>).</param>
    public static ShellLayout For(int width, int height, int minWidth = MinWidth, int minHeight = MinHeight)
    {
        if (width < minWidth || height < minHeight)
            return new ShellLayout(true, Rectangle.Empty, Rectangle.Empty, Rectangle.Empty, Rectangle.Empty);
        return new ShellLayout(false,
            new Rectangle(0, 0, width, 1),
            new Rectangle(0, 1, width, height - 3),
            new Rectangle(0, height - 2, width, 1),
            new Rectangle(0, height - 1, width, 1));
    }

    public static string TooSmallMessage(int width, int height, int minWidth = MinWidth, int minHeight = MinHeight) =>
        $"terminal too small (need {minWidth}x{minHeight}, have {width}x{height})";
}
