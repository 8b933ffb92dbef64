using System.Text;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// Interns the few distinct values (models, stop reasons, error types) as short ids. Written by the indexer thread,
/// read by any thread: an id is published in an entry only after its string is stored here.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, short> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, short>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _gate = new();
    private volatile string[] _items = new string[16];
    private volatile int _count;

    /// <summary>Beyond this many distinct values (hostile input), further ones share one overflow id.</summary>
    public const int MaxDistinct = 4096;
    private const string Overflow = "(other)";

    public StringPool() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _count;

    public string this[short id] => id >= 0 && id < _count ? _items[id] : "";

    /// <summary>The id of <paramref name="utf8"/> (unescaped UTF-8), adding it when new.</summary>
    public short Intern(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[Math.Min(utf8.Length, 256)];
        int n = Encoding.UTF8.GetChars(utf8[..Math.Min(utf8.Length, 256)], chars);
        return Intern(chars[..n]);
    }

    public short Intern(ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            if (_lookup.TryGetValue(text, out short id)) return id;
            if (_count >= MaxDistinct) return Intern(Overflow.AsSpan());
            string s = text.ToString();
            id = (short)_count;
            if (_count == _items.Length)
            {
                var grown = new string[_items.Length * 2];
                Array.Copy(_items, grown, _count);
                _items = grown;
            }
            _items[id] = s;
            _ids[s] = id;
            _count = id + 1;
            return id;
        }
    }

    /// <summary>The id of an existing value, or -1.</summary>
    public short Find(string text)
    {
        lock (_gate) return _ids.TryGetValue(text, out short id) ? id : (short)-1;
    }

    public IReadOnlyList<string> Values
    {
        get { int n = _count; return _items.AsSpan(0, n).ToArray(); }
    }
}
