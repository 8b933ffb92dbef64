using System.Text.Json;
using BatchTui.Core.Results.Model;

namespace BatchTui.Core.Results.Export;

/// <summary>The first text block of a succeeded result, or the error message of an errored one; "" otherwise.</summary>
public static class FirstText
{
    public static string Of(ReadOnlyMemory<byte> line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 1024 });
            JsonElement result = doc.RootElement.Prop("result") ?? default;
            switch (result.Str("type"))
            {
                case "succeeded":
                    foreach (JsonElement block in (result.Prop("message") ?? default).Items("content"))
                        if (block.Str("type") == "text" && block.Str("text") is { } t) return t;
                    return "";
                case "errored":
                    JsonElement env = result.Prop("error") ?? default;
                    JsonElement inner = env.Prop("error") ?? env;
                    return inner.Str("message") ?? "";
                default:
                    return "";
            }
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
