namespace BatchTui.Core.State;

/// <summary>An id as a file name: ids are opaque and may change format, so anything but [A-Za-z0-9_-] becomes '_'.</summary>
internal static class SafeName
{
    public static string Of(string id)
    {
        var chars = id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }
}
