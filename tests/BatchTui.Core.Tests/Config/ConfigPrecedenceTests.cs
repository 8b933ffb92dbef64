using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

public sealed class ConfigPrecedenceTests
{
    private static readonly Dictionary<string, string?> NoEnv = new();

    [Fact]
    public void Built_in_defaults_apply_with_no_file_env_or_flags()
    {
        using var dir = new TempConfigDir();
        var o = ConfigLoader.Load([], NoEnv, dir.File).Options;
        Assert.Equal(50, o.PageSize);
        Assert.Equal(5, o.RefreshSeconds);
        Assert.Equal("dark", o.Theme);
        Assert.False(o.ReadOnly);
        Assert.Equal("default", o.ProfileName);
        Assert.Null(o.ApiKey);
        Assert.Null(o.BaseUrlOverride);
        Assert.Equal(new Uri("https://api.anthropic.com"), o.BaseUrl);
        Assert.Empty(o.Betas);
        Assert.Equal(4, o.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(60), o.Timeout);
        Assert.True(o.UseSimulator);
        Assert.Null(o.ConfigFile);
    }

    [Fact]
    public void File_beats_defaults_env_beats_file_flags_beat_env()
    {
        using var dir = new TempConfigDir("""{ "pageSize": 100, "theme": "light", "refreshSeconds": 9, "maxRetries": 2 }""");
        var env = new Dictionary<string, string?> { ["BATCHTUI_PAGE_SIZE"] = "200", ["BATCHTUI_THEME"] = "mono" };

        var fileOnly = ConfigLoader.Load([], NoEnv, dir.File).Options;
        Assert.Equal((100, "light", 9, 2), (fileOnly.PageSize, fileOnly.Theme, fileOnly.RefreshSeconds, fileOnly.MaxRetries));
        Assert.Equal(dir.File, fileOnly.ConfigFile);

        var withEnv = ConfigLoader.Load([], env, dir.File).Options;
        Assert.Equal((200, "mono", 9), (withEnv.PageSize, withEnv.Theme, withEnv.RefreshSeconds));

        var withFlags = ConfigLoader.Load(["--page-size", "300", "--theme=high-contrast"], env, dir.File).Options;
        Assert.Equal((300, "high-contrast", 9), (withFlags.PageSize, withFlags.Theme, withFlags.RefreshSeconds));
    }

    [Fact]
    public void Anthropic_environment_variables_give_key_and_base_url()
    {
        using var dir = new TempConfigDir("""{ "baseUrl": "http://file.example:1" }""");
        var env = new Dictionary<string, string?>
        {
            ["ANTHROPIC_API_KEY"] = "sk-ant-env-secret",
            ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:9999",
        };
        var o = ConfigLoader.Load([], env, dir.File).Options;
        Assert.Equal("sk-ant-env-secret", o.ApiKey!.Reveal());
        Assert.Equal("ANTHROPIC_API_KEY", o.KeySource);
        Assert.Equal(new Uri("http://127.0.0.1:9999"), o.BaseUrlOverride);
        Assert.False(o.UseSimulator);

        var flagged = ConfigLoader.Load(["--base-url", "http://127.0.0.1:7777/"], env, dir.File).Options;
        Assert.Equal(new Uri("http://127.0.0.1:7777/"), flagged.BaseUrlOverride);
    }

    [Fact]
    public void Blank_environment_variables_count_as_unset()
    {
        using var dir = new TempConfigDir();
        var env = new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = "  ", ["BATCHTUI_PAGE_SIZE"] = "" };
        var o = ConfigLoader.Load([], env, dir.File).Options;
        Assert.Null(o.ApiKey);
        Assert.Equal(50, o.PageSize);
        Assert.True(o.UseSimulator);
    }

    [Fact]
    public void Boolean_flags_need_no_value_and_betas_accumulate()
    {
        using var dir = new TempConfigDir("""{ "betas": ["from-file-1", "from-file-2"] }""");
        var fileBetas = ConfigLoader.Load([], NoEnv, dir.File).Options;
        Assert.Equal(["from-file-1", "from-file-2"], fileBetas.Betas);

        var o = ConfigLoader.Load(["--read-only", "--beta", "message-batches-2024-09-24", "--beta=files-api-2025-04-14,x-1", "--demo"],
            NoEnv, dir.File).Options;
        Assert.True(o.ReadOnly);
        Assert.True(o.Demo);
        Assert.True(o.UseSimulator);
        // A list from a higher layer replaces the lower one's, it does not merge with it.
        Assert.Equal(["message-batches-2024-09-24", "files-api-2025-04-14", "x-1"], o.Betas);

        var env = ConfigLoader.Load([], new Dictionary<string, string?> { ["BATCHTUI_BETAS"] = "env-beta" }, dir.File).Options;
        Assert.Equal(["env-beta"], env.Betas);
    }

    [Fact]
    public void Unknown_arguments_are_handed_back_in_order()
    {
        using var dir = new TempConfigDir();
        var r = ConfigLoader.Load(["--limit", "5", "--profile", "default", "file.jsonl", "--json", "--", "--theme"], NoEnv, dir.File);
        Assert.Equal(["--limit", "5", "file.jsonl", "--json", "--theme"], r.Rest);
        Assert.Equal("dark", r.Options.Theme);
    }

    [Fact]
    public void Xdg_config_home_is_the_default_location_then_home_dot_config()
    {
        using var dir = new TempConfigDir();
        Directory.CreateDirectory(Path.Combine(dir.Dir, "xdg", "batchtui"));
        File.WriteAllText(Path.Combine(dir.Dir, "xdg", "batchtui", "config.json"), """{ "pageSize": 11 }""");
        Directory.CreateDirectory(Path.Combine(dir.Dir, "home", ".config", "batchtui"));
        File.WriteAllText(Path.Combine(dir.Dir, "home", ".config", "batchtui", "config.json"), """{ "pageSize": 22 }""");

        var xdg = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(dir.Dir, "xdg"), ["HOME"] = Path.Combine(dir.Dir, "home") };
        Assert.Equal(11, ConfigLoader.Load([], xdg).Options.PageSize);

        var homeOnly = new Dictionary<string, string?> { ["HOME"] = Path.Combine(dir.Dir, "home") };
        Assert.Equal(22, ConfigLoader.Load([], homeOnly).Options.PageSize);
    }

    [Fact]
    public void Config_flag_and_env_pick_another_file()
    {
        using var dir = new TempConfigDir("""{ "pageSize": 7 }""");
        string other = Path.Combine(dir.Dir, "other.json");
        File.WriteAllText(other, """{ "pageSize": 8 }""");
        Assert.Equal(8, ConfigLoader.Load(["--config", other], NoEnv, dir.File).Options.PageSize);
        Assert.Equal(8, ConfigLoader.Load([], new Dictionary<string, string?> { ["BATCHTUI_CONFIG"] = other }, dir.File).Options.PageSize);

        var missing = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(["--config", Path.Combine(dir.Dir, "nope.json")], NoEnv, dir.File));
        Assert.Contains("does not exist", missing.Message);
        Assert.Contains("--config", missing.Message);
    }
}
