namespace BatchTui.Core.Results.Query;

/// <summary>
/// A shell-style glob over custom_ids: <c>*</c> any run, <c>?</c> one character, <c>[abc]</c> / <c>[a-z]</c> / <c>[!x]</c>
/// a set. Ordinal and case-sensitive, like custom_ids. A pattern with no wildcard matches as a substring, which is
/// what someone typing a fragment of an id expects.
/// </summary>
public sealed class GlobPattern
{
    private readonly string _pattern;
    private readonly bool _substring;

    public GlobPattern(string pattern)
    {
        _pattern = pattern;
        _substring = pattern.IndexOfAny(['*', '?', '[']) < 0;
    }

    public string Pattern => _pattern;

    public bool IsMatch(string text) => _substring ? text.Contains(_pattern, StringComparison.Ordinal) : Match(_pattern, 0, text, 0);

    // Iterative with backtracking to the last '*': linear in practice, no recursion blow-up.
    private static bool Match(string p, int pi, string s, int si)
    {
        int starP = -1, starS = -1;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*') { starP = pi++; starS = si; continue; }
            if (pi < p.Length && StepOne(p, ref pi, s[si])) { si++; continue; }
            if (starP < 0) return false;
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    /// <summary>Matches one pattern element against <paramref name="c"/>; advances <paramref name="pi"/> on success.</summary>
    private static bool StepOne(string p, ref int pi, char c)
    {
        char pc = p[pi];
        if (pc == '?') { pi++; return true; }
        if (pc == '[')
        {
            int close = p.IndexOf(']', pi + 2);
            if (close < 0) { if (c != '[') return false; pi++; return true; } // unclosed: literal '['
            int i = pi + 1;
            bool negate = p[i] is '!' or '^';
            if (negate) i++;
            bool hit = false;
            for (; i < close; i++)
            {
                if (i + 2 < close && p[i + 1] == '-') { hit |= c >= p[i] && c <= p[i + 2]; i += 2; }
                else hit |= c == p[i];
            }
            if (hit == negate) return false;
            pi = close + 1;
            return true;
        }
        if (pc != c) return false;
        pi++;
        return true;
    }

    public override string ToString() => _pattern;
}
