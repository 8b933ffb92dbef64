using BatchTui.Core.Results.Model;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Export;

/// <summary>The readable text of one result line: its text blocks joined, or the error message.</summary>
public static class ResultText
{
    public static string Of(byte[] line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 1024 });
            JsonElement result = doc.RootElement.Prop("result") ?? default;
            switch (result.Str("type"))
            {
                case "succeeded":
                    var sb = new StringBuilder();
                    foreach (JsonElement block in (result.Prop("message") ?? default).Items("content"))
                    {
                        if (block.Str("type") != "text" || block.Str("text") is not { } t) continue;
                        if (sb.Length > 0) sb.Append("\n\n");
                        sb.Append(t);
                    }
                    return sb.ToString();
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
