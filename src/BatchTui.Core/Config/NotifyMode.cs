namespace BatchTui.Core.Config;

/// <summary>How the TUI says a watched batch ended (<c>notify</c>): the bell, a terminal notification, both, or not at all.</summary>
public enum NotifyMode { Both, Bell, Terminal, Off }
