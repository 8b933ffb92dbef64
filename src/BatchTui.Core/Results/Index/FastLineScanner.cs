using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// The hot path of indexing: a strict, allocation-free JSON validator over one line's bytes that picks up the index
/// fields on the way. Strings — most of a result's bytes — are crossed with a vectorised search for the next quote,
/// backslash or control byte, so the pass runs near memory speed. Anything unusual (a malformed token, an escaped key
/// or custom_id, very deep nesting) makes it give up and return false; <see cref="LineScanner"/> (Utf8JsonReader)
/// then decides, and words the error. So this scanner never has the last word on a bad line.
/// </summary>
// Every method is AggressiveOptimization: an index pass runs once per process, mostly before tiered compilation
// would have promoted the hot loop, so tier-0 code would do most of the work (measured 4x slower).
internal ref struct FastLineScanner
{
    private const int MaxDepth = 256;

    private readonly ReadOnlySpan<byte> _s;
    private readonly StringPool _pool;
    private int _p;

    private FastLineScanner(ReadOnlySpan<byte> line, StringPool pool)
    {
        _s = line;
        _pool = pool;
        _p = 0;
    }

    /// <summary>True when the line is valid JSON and <paramref name="scan"/> holds its fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryScan(ReadOnlySpan<byte> line, StringPool pool, ref LineScan scan)
    {
        scan.Reset();
        var s = new FastLineScanner(line, pool);
        s.Ws();
        if (!s.Peek((byte)'{') || !s.Object(1, Ctx.Root, ref scan)) return false;
        s.Ws();
        if (s._p != line.Length) return false;
        if (scan.CustomId is null) scan.Problem = "not a result: no custom_id";
        else if (!scan.HasResult) scan.Problem = "not a result: no result object";
        return true;
    }

    private enum Ctx : byte { Generic, Root, Result, Message, Error, Usage, Block }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Object(int depth, Ctx ctx, ref LineScan scan)
    {
        if (depth > MaxDepth) return false;
        _p++; // '{'
        Ws();
        if (Peek((byte)'}')) { _p++; return true; }
        bool blockIsText = false;
        int textOffset = -1, textLength = 0;
        while (true)
        {
            if (!Peek((byte)'"') || !String(out int ks, out int ke, out bool escaped)) return false;
            if (escaped && ctx != Ctx.Generic) return false; // rare: let the precise scanner read escaped keys
            ReadOnlySpan<byte> key = _s[ks..ke];
            Ws();
            if (!Peek((byte)':')) return false;
            _p++;
            Ws();
            if (_p >= _s.Length) return false;
            bool ok = ctx switch
            {
                Ctx.Generic => Value(depth),
                Ctx.Root => RootMember(key, depth, ref scan),
                Ctx.Result => ResultMember(key, depth, ref scan),
                Ctx.Message => MessageMember(key, depth, ref scan),
                Ctx.Error => ErrorMember(key, depth, ref scan),
                Ctx.Usage => UsageMember(key, depth, ref scan),
                _ => BlockMember(key, depth, ref blockIsText, ref textOffset, ref textLength),
            };
            if (!ok) return false;
            Ws();
            if (_p >= _s.Length) return false;
            byte b = _s[_p++];
            if (b == (byte)',') { Ws(); continue; }
            if (b != (byte)'}') return false;
            if (ctx == Ctx.Block && blockIsText && textOffset >= 0 && scan.PreviewOffset < 0)
            {
                scan.PreviewOffset = textOffset;
                scan.PreviewLength = textLength;
            }
            return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RootMember(ReadOnlySpan<byte> key, int depth, ref LineScan scan)
    {
        if (key.SequenceEqual("custom_id"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out bool escaped) || escaped) return false;
            scan.CustomId = Encoding.UTF8.GetString(_s[s..e]);
            return true;
        }
        if (key.SequenceEqual("result"u8) && Peek((byte)'{'))
        {
            scan.HasResult = true;
            scan.Kind = ResultKind.Unknown;
            return Object(depth + 1, Ctx.Result, ref scan);
        }
        return Value(depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ResultMember(ReadOnlySpan<byte> key, int depth, ref LineScan scan)
    {
        if (key.SequenceEqual("type"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out bool escaped)) return false;
            ReadOnlySpan<byte> v = _s[s..e];
            scan.Kind = escaped ? ResultKind.Unknown
                : v.SequenceEqual("succeeded"u8) ? ResultKind.Succeeded
                : v.SequenceEqual("errored"u8) ? ResultKind.Errored
                : v.SequenceEqual("canceled"u8) ? ResultKind.Canceled
                : v.SequenceEqual("expired"u8) ? ResultKind.Expired
                : ResultKind.Unknown;
            return !escaped;
        }
        if (key.SequenceEqual("message"u8) && Peek((byte)'{')) return Object(depth + 1, Ctx.Message, ref scan);
        if (key.SequenceEqual("error"u8) && Peek((byte)'{')) return ErrorObject(depth, ref scan);
        return Value(depth);
    }

    // Errored results wrap the API envelope {"type":"error","error":{"type":..}}; the innermost non-"error" type wins.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ErrorObject(int depth, ref LineScan scan)
    {
        short outer = scan.Reason;
        scan.Reason = -1;
        if (!Object(depth + 1, Ctx.Error, ref scan)) return false;
        if (scan.Reason < 0) scan.Reason = outer;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ErrorMember(ReadOnlySpan<byte> key, int depth, ref LineScan scan)
    {
        if (key.SequenceEqual("type"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out bool escaped) || escaped) return false;
            ReadOnlySpan<byte> v = _s[s..e];
            if (!v.SequenceEqual("error"u8) && scan.Reason < 0) scan.Reason = _pool.Intern(v);
            return true;
        }
        if (key.SequenceEqual("error"u8) && Peek((byte)'{'))
        {
            short mine = scan.Reason;
            if (!ErrorObject(depth + 1, ref scan)) return false;
            if (scan.Reason < 0) scan.Reason = mine;
            return true;
        }
        return Value(depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MessageMember(ReadOnlySpan<byte> key, int depth, ref LineScan scan)
    {
        if (key.SequenceEqual("content"u8) && Peek((byte)'[')) return Content(depth + 1, ref scan);
        if (key.SequenceEqual("model"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out bool escaped) || escaped) return false;
            scan.Model = _pool.Intern(_s[s..e]);
            return true;
        }
        if (key.SequenceEqual("stop_reason"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out bool escaped) || escaped) return false;
            scan.Reason = _pool.Intern(_s[s..e]);
            return true;
        }
        if (key.SequenceEqual("usage"u8) && Peek((byte)'{')) return Object(depth + 1, Ctx.Usage, ref scan);
        return Value(depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool UsageMember(ReadOnlySpan<byte> key, int depth, ref LineScan scan)
    {
        int field = key.SequenceEqual("input_tokens"u8) ? 1
            : key.SequenceEqual("output_tokens"u8) ? 2
            : key.SequenceEqual("cache_creation_input_tokens"u8) ? 3
            : key.SequenceEqual("cache_read_input_tokens"u8) ? 4 : 0;
        if (field == 0 || !IsNumberStart(_s[_p])) return Value(depth);
        int start = _p;
        if (!Number()) return false;
        int v = Utf8Parser.TryParse(_s[start.._p], out long l, out int used) && used == _p - start ? (int)Math.Clamp(l, 0, int.MaxValue) : 0;
        switch (field)
        {
            case 1: scan.InputTokens = v; break;
            case 2: scan.OutputTokens = v; break;
            case 3: scan.CacheCreationTokens = v; break;
            default: scan.CacheReadTokens = v; break;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Content(int depth, ref LineScan scan)
    {
        if (depth > MaxDepth) return false;
        _p++; // '['
        Ws();
        if (Peek((byte)']')) { _p++; return true; }
        while (true)
        {
            scan.BlockCount++;
            bool ok = Peek((byte)'{') && scan.PreviewOffset < 0 ? Object(depth + 1, Ctx.Block, ref scan) : Value(depth);
            if (!ok) return false;
            Ws();
            if (_p >= _s.Length) return false;
            byte b = _s[_p++];
            if (b == (byte)',') { Ws(); continue; }
            return b == (byte)']';
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BlockMember(ReadOnlySpan<byte> key, int depth, ref bool isText, ref int textOffset, ref int textLength)
    {
        if (key.SequenceEqual("type"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out _)) return false;
            isText = _s[s..e].SequenceEqual("text"u8);
            return true;
        }
        if (key.SequenceEqual("text"u8) && Peek((byte)'"'))
        {
            if (!String(out int s, out int e, out _)) return false;
            textOffset = s;
            textLength = Math.Min(e - s, LineScanner.PreviewBytes);
            return true;
        }
        return Value(depth);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Value(int depth)
    {
        if (_p >= _s.Length) return false;
        switch (_s[_p])
        {
            case (byte)'"': return String(out _, out _, out _);
            case (byte)'{': { LineScan none = default; return Object(depth + 1, Ctx.Generic, ref none); }
            case (byte)'[': return Array(depth + 1);
            case (byte)'t': return Literal("true"u8);
            case (byte)'f': return Literal("false"u8);
            case (byte)'n': return Literal("null"u8);
            default: return IsNumberStart(_s[_p]) && Number();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Array(int depth)
    {
        if (depth > MaxDepth) return false;
        _p++;
        Ws();
        if (Peek((byte)']')) { _p++; return true; }
        while (true)
        {
            if (!Value(depth)) return false;
            Ws();
            if (_p >= _s.Length) return false;
            byte b = _s[_p++];
            if (b == (byte)',') { Ws(); continue; }
            return b == (byte)']';
        }
    }

    /// <summary>At an opening quote: finds the closing one, checking escapes; [start, end) excludes the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool String(out int start, out int end, out bool escaped)
    {
        start = _p + 1;
        switch (JsonStringSkipper.Skip(_s, start, out end, out escaped))
        {
            case JsonStringSkipper.Outcome.Closed: _p = end + 1; return true;
            case JsonStringSkipper.Outcome.Invalid: return false;
            default: return StringStopByStop(out start, out end, out escaped); // \u escapes (and no SIMD)
        }
    }

    /// <summary>The same, stopping at each escape: checks the four hex digits of a \u escape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StringStopByStop(out int start, out int end, out bool escaped)
    {
        start = ++_p;
        end = -1;
        escaped = false;
        while (true)
        {
            int i = NextStop(_s, _p);
            if (i < 0) return false;
            _p += i;
            byte b = _s[_p];
            if (b == (byte)'"')
            {
                end = _p++;
                return true;
            }
            if (b != (byte)'\\' || _p + 1 >= _s.Length) return false; // a raw control byte is invalid in JSON
            escaped = true;
            byte e = _s[_p + 1];
            if (e == (byte)'u')
            {
                if (_p + 6 > _s.Length) return false;
                for (int k = 2; k < 6; k++) if (!char.IsAsciiHexDigit((char)_s[_p + k])) return false;
                _p += 6;
            }
            else if (e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t') _p += 2;
            else return false;
        }
    }

    /// <summary>
    /// Distance from <paramref name="from"/> to the next '"', '\\' or raw control byte (invalid in a string), or -1.
    /// Real text has a stop every ~25 bytes (escaped quotes and newlines), too close for a library call per stop to pay
    /// off, so this is an inline loop of 32-byte compares.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextStop(ReadOnlySpan<byte> s, int from)
    {
        ref byte r = ref MemoryMarshal.GetReference(s);
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> quote = Vector256.Create((byte)'"'), slash = Vector256.Create((byte)'\\'), space = Vector256.Create((byte)0x20);
            for (; i + Vector256<byte>.Count <= s.Length; i += Vector256<byte>.Count)
            {
                Vector256<byte> v = Vector256.LoadUnsafe(ref r, (nuint)i);
                uint m = (Vector256.Equals(v, quote) | Vector256.Equals(v, slash) | Vector256.LessThan(v, space)).ExtractMostSignificantBits();
                if (m != 0) return i + BitOperations.TrailingZeroCount(m) - from;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> quote = Vector128.Create((byte)'"'), slash = Vector128.Create((byte)'\\'), space = Vector128.Create((byte)0x20);
            for (; i + Vector128<byte>.Count <= s.Length; i += Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref r, (nuint)i);
                uint m = (Vector128.Equals(v, quote) | Vector128.Equals(v, slash) | Vector128.LessThan(v, space)).ExtractMostSignificantBits();
                if (m != 0) return i + BitOperations.TrailingZeroCount(m) - from;
            }
        }
        for (; i < s.Length; i++)
        {
            byte b = Unsafe.Add(ref r, i);
            if (b == (byte)'"' || b == (byte)'\\' || b < 0x20) return i - from;
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Number()
    {
        int p = _p;
        if (p < _s.Length && _s[p] == (byte)'-') p++;
        if (p >= _s.Length) return false;
        if (_s[p] == (byte)'0') p++;
        else if (_s[p] is >= (byte)'1' and <= (byte)'9') { while (p < _s.Length && char.IsAsciiDigit((char)_s[p])) p++; }
        else return false;
        if (p < _s.Length && _s[p] == (byte)'.')
        {
            p++;
            int d = p;
            while (p < _s.Length && char.IsAsciiDigit((char)_s[p])) p++;
            if (p == d) return false;
        }
        if (p < _s.Length && (_s[p] | 0x20) == (byte)'e')
        {
            p++;
            if (p < _s.Length && _s[p] is (byte)'+' or (byte)'-') p++;
            int d = p;
            while (p < _s.Length && char.IsAsciiDigit((char)_s[p])) p++;
            if (p == d) return false;
        }
        _p = p;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Literal(ReadOnlySpan<byte> word)
    {
        if (!_s[_p..].StartsWith(word)) return false;
        _p += word.Length;
        return true;
    }

    private static bool IsNumberStart(byte b) => b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9');

    private readonly bool Peek(byte b) => _p < _s.Length && _s[_p] == b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ws()
    {
        while (_p < _s.Length && _s[_p] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') _p++;
    }
}
