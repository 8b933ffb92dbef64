using CsCheck;
using System.Text;

namespace BatchTui.Core.Tests.Properties;

/// <summary>One byte-level change to a line: what real corruption, truncation and hostile servers do to JSONL.</summary>
internal readonly record struct Mutation(int Kind, int At, int Length, byte Value)
{
    public const int Kinds = 10;

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x8E],
    ];

    private static readonly string[] Escapes =
    [
        "\\ud83d", "\\udc00", "\\ud83d\\ud83d", "\\udfff\\ud800", "\\u0000", "\\u001b[2J", "\\u202e", "\\uZZZZ", "\\", "\\u12",
        "\\x41", "\\\"", "\\n\\r\\t",
    ];

    private static readonly string[] Garbage =
    [
        "{", "}", "[", "]", "\"", ",", ":", "1e400", "-", "99999999999999999999999", "-0.0e-9999", "NaN", "null", "true",
        "{\"custom_id\":", "\"result\":{\"type\":\"succeeded\"}", "\u001b]52;c;ZWNobw==\u0007", "\ufeff",
    ];

    public static readonly Gen<Mutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Kinds - 1], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[1, 24], CsCheck.Gen.Byte,
            (kind, at, length, value) => new Mutation(kind, at, length, value));

    public static readonly Gen<Mutation[]> Script = Gen.Array[0, 4];

    public static byte[] Apply(byte[] line, Mutation[] script)
    {
        var bytes = new List<byte>(line);
        foreach (var m in script) m.ApplyTo(bytes);
        return [.. bytes];
    }

    private void ApplyTo(List<byte> b)
    {
        int at = b.Count == 0 ? 0 : At % (b.Count + 1);
        switch (Kind)
        {
            case 0 when b.Count > 0: // flip one bit
                int i = At % b.Count;
                b[i] ^= (byte)(1 << (Value % 8));
                break;
            case 1: b.Insert(at, Value); break; // any byte
            case 2 when b.Count > 0: // delete a run
                int from = At % b.Count;
                b.RemoveRange(from, Math.Min(Length, b.Count - from));
                break;
            case 3: b.RemoveRange(at, b.Count - at); break; // truncate
            case 4: b.InsertRange(at, InvalidUtf8[Value % InvalidUtf8.Length]); break;
            case 5: // a control: C0, DEL, or C1 as UTF-8
                b.InsertRange(at, (Value % 3) switch
                {
                    0 => [(byte)(Value % 32)],
                    1 => [0x7F],
                    _ => Encoding.UTF8.GetBytes(((char)(0x80 + Value % 32)).ToString()),
                });
                break;
            case 6: b.InsertRange(at, Encoding.UTF8.GetBytes(Escapes[Value % Escapes.Length])); break;
            case 7: b.Insert(at, Value % 2 == 0 ? (byte)'\n' : (byte)'\r'); break;
            case 8: b.InsertRange(at, Encoding.UTF8.GetBytes(Garbage[Value % Garbage.Length])); break;
            case 9 when b.Count > 0: // duplicate a run (repeated keys, doubled values)
                int s = At % b.Count, n = Math.Min(Length * 4, b.Count - s);
                b.InsertRange(s, b.GetRange(s, n));
                break;
        }
    }

    public override string ToString() => $"{Kind}@{At}x{Length}:{Value}";

    /// <summary>For failure messages: the bytes with everything outside printable ASCII as \xNN.</summary>
    public static string Show(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (byte x in bytes.Length > 600 ? bytes[..600] : bytes)
            sb.Append(x is >= 0x20 and < 0x7F ? ((char)x).ToString() : $"\\x{x:X2}");
        return sb.ToString();
    }
}
