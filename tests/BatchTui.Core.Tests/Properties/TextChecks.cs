using BatchTui.Core.Results.Model;

namespace BatchTui.Core.Tests.Properties;

internal static class TextChecks
{
    /// <summary>Whether <paramref name="s"/> is valid UTF-16 (no half surrogate pair), which a terminal cell needs.</summary>
    public static bool IsWellFormed(string? s)
    {
        if (s is null) return true;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>Walks a result tree (children, raw JSON, copy text included): nothing throws, every string is well-formed.</summary>
    public static void AssertWellFormed(IEnumerable<ResultNode> nodes, int depth = 0)
    {
        foreach (var node in nodes)
        {
            Assert.True(IsWellFormed(node.Label), $"label has half a surrogate pair: {node.Label}");
            Assert.True(IsWellFormed(node.Detail), $"detail of {node.Kind} has half a surrogate pair");
            Assert.True(IsWellFormed(node.CopyText), $"copy text of {node.Kind} has half a surrogate pair");
            Assert.True(IsWellFormed(node.RawJson), $"raw JSON of {node.Kind} has half a surrogate pair");
            if (depth < 12) AssertWellFormed(node.Children, depth + 1);
        }
    }
}

/// <summary>How many cases a property runs: its own count, or <c>CsCheck_Iter</c> from the environment for a longer
/// hunt (CsCheck itself reads it only when a test passes no count).</summary>
internal static class Runs
{
    public static int Of(int count) =>
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out int n) && n > 0 ? n : count;
}
