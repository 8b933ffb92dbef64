namespace BatchTui.Tui.Editor;

/// <summary>One line of the editor's problems list; <see cref="Line"/>/<see cref="Column"/> let the raw editor jump there.</summary>
public sealed record Problem(string Text, bool IsError, int? Line = null, int? Column = null);
