using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// Crosses a JSON string body 64 bytes at a time without a branch per escape: the bytes become bit masks (quote,
/// backslash, control), the characters escaped by odd runs of backslashes come from carry arithmetic (simdjson's
/// "odd backslash sequences"), and the closing quote is the first quote not escaped. Real model output has an escape
/// every ~25 bytes (\" and \n), so stopping at each one — as a plain vectorised search does — costs a mispredicted
/// branch per stop; here a 64-byte block costs the same whatever it holds.
/// </summary>
internal static class JsonStringSkipper
{
    public enum Outcome : byte { Closed, Invalid, Unicode }

    private const ulong EvenBits = 0x5555_5555_5555_5555UL, OddBits = ~EvenBits;

    /// <summary>
    /// From <paramref name="start"/> (just after the opening quote) to the closing quote, whose index goes to
    /// <paramref name="end"/>. <see cref="Outcome.Invalid"/>: a raw control byte, a bad escape or no closing quote.
    /// <see cref="Outcome.Unicode"/>: a \u escape, whose four hex digits the caller checks the slow way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Outcome Skip(ReadOnlySpan<byte> s, int start, out int end, out bool escaped)
    {
        end = -1;
        escaped = false;
        if (!Vector128.IsHardwareAccelerated) return Outcome.Unicode; // the caller's scalar loop decides
        ref byte r = ref MemoryMarshal.GetReference(s);
        ulong oddCarry = 0; // 1 when the previous block ended in an odd run of backslashes: our first byte is escaped
        Span<byte> pad = stackalloc byte[64];
        for (int i = start; ; i += 64)
        {
            ref byte block = ref MemoryMarshal.GetReference(pad);
            if (i + 64 <= s.Length) block = ref Unsafe.Add(ref r, i);
            else
            {
                // The line's last bytes, padded with NUL: a control byte, so a string that runs off the end is invalid.
                pad.Clear();
                s[i..].CopyTo(pad);
            }
            Masks(ref block, out ulong quote, out ulong backslash, out ulong control);
            ulong escapedChars = 0;
            if ((backslash | oddCarry) != 0) escapedChars = OddRunEnds(backslash, ref oddCarry);
            ulong closing = quote & ~escapedChars;
            ulong body = closing == 0 ? ulong.MaxValue : (closing & (0UL - closing)) - 1; // the bits below the closing quote
            if ((control & body) != 0) return Outcome.Invalid;
            if ((backslash & body) != 0) escaped = true;
            // The escaped characters themselves: a block of real text holds one or two, so each is looked up alone.
            for (ulong esc = escapedChars & body; esc != 0; esc &= esc - 1)
            {
                byte c = Unsafe.Add(ref block, BitOperations.TrailingZeroCount(esc));
                if (c == (byte)'u') return Outcome.Unicode;
                if (!IsSimpleEscape(c)) return Outcome.Invalid;
            }
            if (closing != 0)
            {
                end = i + BitOperations.TrailingZeroCount(closing);
                return Outcome.Closed;
            }
            if (i + 64 > s.Length) return Outcome.Invalid; // unreachable: the NUL padding stops it above
        }
    }

    /// <summary>
    /// The characters escaped by a backslash run of odd length (the byte after the run), given the run starts in this
    /// block; <paramref name="carry"/> carries an odd run across the block boundary. Pairs (\\) escape each other and
    /// mark nothing, so the result holds no backslash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OddRunEnds(ulong backslash, ref ulong carry)
    {
        ulong startEdges = backslash & ~(backslash << 1);
        ulong evenStartMask = EvenBits ^ carry;
        ulong evenStarts = startEdges & evenStartMask;
        ulong oddStarts = startEdges & ~evenStartMask;
        ulong evenCarries = backslash + evenStarts;
        ulong oddCarries = backslash + oddStarts;
        bool endsOdd = oddCarries < backslash; // carry out of bit 63
        oddCarries |= carry;
        carry = endsOdd ? 1UL : 0UL;
        ulong evenCarryEnds = evenCarries & ~backslash;
        ulong oddCarryEnds = oddCarries & ~backslash;
        return (evenCarryEnds & OddBits) | (oddCarryEnds & EvenBits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ref byte block, out ulong quote, out ulong backslash, out ulong control)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref block);
            quote = Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
            backslash = Vector512.Equals(v, Vector512.Create((byte)'\\')).ExtractMostSignificantBits();
            control = Vector512.LessThan(v, Vector512.Create((byte)0x20)).ExtractMostSignificantBits();
            return;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> a = Vector256.LoadUnsafe(ref block), b = Vector256.LoadUnsafe(ref block, 32);
            Vector256<byte> q = Vector256.Create((byte)'"'), bs = Vector256.Create((byte)'\\'), sp = Vector256.Create((byte)0x20);
            quote = Vector256.Equals(a, q).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(b, q).ExtractMostSignificantBits() << 32);
            backslash = Vector256.Equals(a, bs).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(b, bs).ExtractMostSignificantBits() << 32);
            control = Vector256.LessThan(a, sp).ExtractMostSignificantBits() | ((ulong)Vector256.LessThan(b, sp).ExtractMostSignificantBits() << 32);
            return;
        }
        quote = backslash = control = 0;
        for (int k = 0; k < 4; k++)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref block, (nuint)(16 * k));
            quote |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << (16 * k);
            backslash |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << (16 * k);
            control |= (ulong)Vector128.LessThan(v, Vector128.Create((byte)0x20)).ExtractMostSignificantBits() << (16 * k);
        }
    }

    /// <summary>What may follow a backslash besides 'u': " \ / b f n r t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSimpleEscape(byte c) => c is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t';
}
