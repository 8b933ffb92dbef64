namespace BatchTui.Core.Input;

/// <summary>
/// A file (or pipe, or device) over a documented cap, found out while reading it: nothing past the cap was read or
/// kept. An <see cref="IOException"/>, so every caller that reports unreadable files reports this too.
/// </summary>
public sealed class InputTooLargeException(string message) : IOException(message);
