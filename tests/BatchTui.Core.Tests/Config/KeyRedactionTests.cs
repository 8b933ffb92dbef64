using BatchTui.Core.Api;
using BatchTui.Core.Config;
using System.Text.Json;

namespace BatchTui.Core.Tests.Config;

public sealed class KeyRedactionTests
{
    private const string Secret = "sk-ant-api03-THIS-IS-SECRET-0123456789";

    private static BatchTuiOptions Options()
    {
        using var dir = new TempConfigDir();
        return ConfigLoader.Load(["--beta", "b-1"], new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = Secret }, dir.File).Options;
    }

    [Fact]
    public void Options_to_string_never_contains_the_key()
    {
        var o = Options();
        string text = o.ToString();
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("SECRET", text);
        Assert.Contains("[redacted] from ANTHROPIC_API_KEY", text);
        Assert.Contains("betas b-1", text);
        Assert.DoesNotContain(Secret, $"{o}");
        Assert.DoesNotContain(Secret, o.ToApiSettings().ToString());
        Assert.DoesNotContain(Secret, (o with { PageSize = 3 }).ToString());
    }

    [Fact]
    public void Serialising_options_or_key_does_not_reveal_it()
    {
        var o = Options();
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(o));
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(o.ApiKey));
        Assert.Equal("[redacted]", o.ApiKey!.ToString());
        Assert.Equal(Secret, o.ApiKey.Reveal());
    }

    [Fact]
    public void Config_errors_do_not_echo_a_key()
    {
        using var dir = new TempConfigDir($$"""{ "profiles": { "p": { "apiKey": "{{Secret}}", "apiKeyEnv": "X" } } }""");
        var e = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(["--profile", "p"], new Dictionary<string, string?>(), dir.File));
        Assert.DoesNotContain(Secret, e.Message);
    }
}
