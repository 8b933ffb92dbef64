using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>
/// <c>simulate --hostile</c>: content a client cannot have been written for. Every message gains a block of a type
/// no API documents; some also get a text block whose JSON escapes hold half a surrogate pair (valid JSON, invalid
/// Unicode), a block whose <c>type</c> is not a string, or an element that is not an object at all.
/// </summary>
internal static class HostileBlocks
{
    public const string UnknownType = "hologram_2027";

    public static void Write(Utf8JsonWriter w, ref Rng rng, int index)
    {
        w.WriteStartObject();
        w.WriteString("type", UnknownType);
        w.WriteString("id", rng.Id("holo_01"));
        w.WriteStartObject("payload");
        w.WriteString("caption", MessText.Escapes[index % MessText.Escapes.Length] + " 🛸");
        w.WriteStartArray("frames");
        for (int i = 0; i < 3; i++) w.WriteNumberValue(rng.Int(1_000_000));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        switch (index % 4)
        {
            case 1:
                w.WriteRawValue("""{"type":"text","text":"half an emoji \ud83d, a reversed pair \ude00\ud83d and a lone low \udfff end","citations":null}""",
                    skipInputValidation: true);
                break;
            case 2:
                w.WriteRawValue("""{"type":42,"text":"this block's type is a number"}""", skipInputValidation: true);
                break;
            case 3:
                w.WriteRawValue("""["not","an","object"]""", skipInputValidation: true);
                w.WriteNullValue();
                break;
        }
    }
}
