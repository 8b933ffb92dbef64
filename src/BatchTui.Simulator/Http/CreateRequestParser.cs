using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Http;

/// <summary>
/// Checks a create body: <c>{"requests":[{"custom_id","params":{model,max_tokens,messages,...}}]}</c>. Every message
/// names the failing request by index and custom_id so a user can find it in a file of thousands.
/// </summary>
internal static class CreateRequestParser
{
    public static SubmittedRequests Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Invalid("request body must be a JSON object");
        if (!root.TryGetProperty("requests", out var requests)) throw Invalid("requests: Field required");
        if (requests.ValueKind != JsonValueKind.Array) throw Invalid("requests: must be an array");
        int count = requests.GetArrayLength();
        if (count == 0) throw Invalid("requests: must contain at least one request");
        if (count > CreateEndpoint.MaxRequests)
            throw Invalid($"requests: a batch may contain at most {CreateEndpoint.MaxRequests:N0} requests (got {count:N0})");

        var ids = new string[count];
        var models = new string[count];
        var themes = new Theme[count];
        var seen = new Dictionary<string, int>(count, StringComparer.Ordinal);
        int index = 0;
        foreach (var request in requests.EnumerateArray())
        {
            string where = $"requests[{index}]";
            if (request.ValueKind != JsonValueKind.Object) throw Invalid($"{where}: must be an object");
            if (!request.TryGetProperty("custom_id", out var cid)) throw Invalid($"{where}.custom_id: Field required");
            if (cid.ValueKind != JsonValueKind.String) throw Invalid($"{where}.custom_id: must be a string");
            string customId = cid.GetString()!;
            if (!IsValidCustomId(customId))
            {
                throw Invalid($"{where}.custom_id: '{Shorten(customId)}' must be 1 to 64 characters of letters, digits, " +
                    "'_' and '-'");
            }
            where = $"requests[{index}] (custom_id '{customId}')";
            if (!seen.TryAdd(customId, index))
                throw Invalid($"{where}: duplicate custom_id, already used by requests[{seen[customId]}]; " +
                    "custom_id must be unique within a batch");

            if (!request.TryGetProperty("params", out var parameters)) throw Invalid($"{where}.params: Field required");
            if (parameters.ValueKind != JsonValueKind.Object) throw Invalid($"{where}.params: must be an object");
            models[index] = Model(parameters, where);
            MaxTokens(parameters, where);
            themes[index] = Messages(parameters, where);
            ids[index] = customId;
            index++;
        }
        return new SubmittedRequests(ids, models, themes);
    }

    public static bool IsValidCustomId(string s)
    {
        if (s.Length is < 1 or > 64) return false;
        foreach (char c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    private static string Model(JsonElement p, string where)
    {
        if (!p.TryGetProperty("model", out var model)) throw Invalid($"{where}: params.model: Field required");
        if (model.ValueKind != JsonValueKind.String || model.GetString()!.Length == 0)
            throw Invalid($"{where}: params.model: must be a non-empty string");
        return model.GetString()!;
    }

    private static void MaxTokens(JsonElement p, string where)
    {
        if (!p.TryGetProperty("max_tokens", out var max)) throw Invalid($"{where}: params.max_tokens: Field required");
        if (max.ValueKind != JsonValueKind.Number || !max.TryGetInt64(out long value) || value < 0)
            throw Invalid($"{where}: params.max_tokens: must be a non-negative integer");
    }

    /// <summary>Validates the turns and guesses what the request is about from its first user text.</summary>
    private static Theme Messages(JsonElement p, string where)
    {
        if (!p.TryGetProperty("messages", out var messages)) throw Invalid($"{where}: params.messages: Field required");
        if (messages.ValueKind != JsonValueKind.Array) throw Invalid($"{where}: params.messages: must be an array");
        if (messages.GetArrayLength() == 0) throw Invalid($"{where}: params.messages: must contain at least one message");
        string? firstText = null;
        int turn = 0;
        foreach (var message in messages.EnumerateArray())
        {
            string at = $"{where}: params.messages[{turn}]";
            if (message.ValueKind != JsonValueKind.Object) throw Invalid($"{at}: must be an object");
            if (!message.TryGetProperty("role", out var role)) throw Invalid($"{at}.role: Field required");
            if (role.ValueKind != JsonValueKind.String || role.GetString() is not ("user" or "assistant"))
                throw Invalid($"{at}.role: must be 'user' or 'assistant'");
            if (!message.TryGetProperty("content", out var content)) throw Invalid($"{at}.content: Field required");
            if (content.ValueKind == JsonValueKind.String) firstText ??= content.GetString();
            else if (content.ValueKind == JsonValueKind.Array)
            {
                foreach (var block in content.EnumerateArray())
                {
                    if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("type", out var type)
                        || type.ValueKind != JsonValueKind.String)
                        throw Invalid($"{at}.content: every block must be an object with a string 'type'");
                    if (type.GetString() == "text" && block.TryGetProperty("text", out var text)
                        && text.ValueKind == JsonValueKind.String)
                        firstText ??= text.GetString();
                }
            }
            else throw Invalid($"{at}.content: must be a string or an array of content blocks");
            turn++;
        }
        return ThemeOf(firstText);
    }

    private static Theme ThemeOf(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Theme.Mixed;
        bool Has(string w) => text.Contains(w, StringComparison.OrdinalIgnoreCase);
        if (Has("real-world mess")) return Theme.Mess;
        if (Has("review") || Has("diff") || Has("pull request") || Has("code")) return Theme.CodeReview;
        if (Has("ticket") || Has("customer") || Has("support")) return Theme.Support;
        if (Has("translat")) return Theme.Translation;
        if (Has("label") || Has("classif") || Has("sentiment") || Has("categor")) return Theme.Labelling;
        if (Has("research") || Has("search") || Has("sources") || Has("cite")) return Theme.Research;
        return Theme.Mixed;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private static ApiProblem Invalid(string message) => ApiProblem.Invalid(message);
}
