using BatchTui.Core.Results.Model;
using System.Text.Json;

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
            return result.Str("type") switch
            {
                "succeeded" => OfMessage(result),
                "errored" => ErrorMessage(result) ?? "",
                _ => "",
            };
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>The first text block of a succeeded <c>result</c> element; "" when it has none.</summary>
    public static string OfMessage(JsonElement result)
    {
        foreach (JsonElement block in (result.Prop("message") ?? default).Items("content"))
            if (block.Str("type") == "text" && block.Str("text") is { } t) return t;
        return "";
    }

    /// <summary>The message of an errored <c>result</c> element (the API nests it in an error envelope); null when none.</summary>
    public static string? ErrorMessage(JsonElement result)
    {
        JsonElement env = result.Prop("error") ?? default;
        JsonElement inner = env.Prop("error") ?? env;
        return inner.Str("message");
    }
}
