using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

public sealed class ConfigProfileTests
{
    private const string Profiles = """
        {
          "profile": "work",
          "pageSize": 25,
          "profiles": {
            "work":  { "apiKeyEnv": "WORK_ANTHROPIC_KEY", "betas": ["message-batches-2024-09-24"], "readOnly": true },
            "lab":   { "apiKey": "sk-ant-lab-secret", "baseUrl": "http://127.0.0.1:8080" },
            "both":  { "apiKey": "a", "apiKeyEnv": "B" },
            "ghost": { "apiKeyEnv": "NOT_SET_ANYWHERE" }
          }
        }
        """;

    [Fact]
    public void The_file_selects_a_profile_whose_key_comes_from_the_named_variable()
    {
        using var dir = new TempConfigDir(Profiles);
        var env = new Dictionary<string, string?> { ["WORK_ANTHROPIC_KEY"] = "sk-ant-work-secret", ["ANTHROPIC_API_KEY"] = "sk-ant-other" };
        var o = ConfigLoader.Load([], env, dir.File).Options;
        Assert.Equal("work", o.ProfileName);
        Assert.Equal("sk-ant-work-secret", o.ApiKey!.Reveal()); // the profile's choice beats ANTHROPIC_API_KEY
        Assert.Equal("WORK_ANTHROPIC_KEY (profile work)", o.KeySource);
        Assert.Equal(["message-batches-2024-09-24"], o.Betas);
        Assert.True(o.ReadOnly);
        Assert.Equal(25, o.PageSize);
        Assert.Equal(["both", "ghost", "lab", "work"], o.Profiles.Order());
    }

    [Fact]
    public void Flags_and_env_select_other_profiles_and_flags_beat_the_profile()
    {
        using var dir = new TempConfigDir(Profiles);
        var lab = ConfigLoader.Load(["--profile", "lab"], new Dictionary<string, string?>(), dir.File).Options;
        Assert.Equal("lab", lab.ProfileName);
        Assert.Equal("sk-ant-lab-secret", lab.ApiKey!.Reveal());
        Assert.Equal(new Uri("http://127.0.0.1:8080"), lab.BaseUrlOverride);
        Assert.Empty(lab.Betas);
        Assert.False(lab.ReadOnly);

        var viaEnv = ConfigLoader.Load([], new Dictionary<string, string?>
        {
            ["BATCHTUI_PROFILE"] = "lab",
            ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:1", // the selected profile's baseUrl beats the environment's
        }, dir.File).Options;
        Assert.Equal(new Uri("http://127.0.0.1:8080"), viaEnv.BaseUrlOverride);

        var flagged = ConfigLoader.Load(["--profile", "lab", "--base-url", "http://127.0.0.1:2"], new Dictionary<string, string?>(), dir.File).Options;
        Assert.Equal(new Uri("http://127.0.0.1:2"), flagged.BaseUrlOverride);
    }

    [Fact]
    public void Api_key_env_flag_reads_any_variable()
    {
        using var dir = new TempConfigDir();
        var o = ConfigLoader.Load(["--api-key-env", "MY_KEY"], new Dictionary<string, string?> { ["MY_KEY"] = "sk-ant-mine" }, dir.File).Options;
        Assert.Equal("sk-ant-mine", o.ApiKey!.Reveal());
        Assert.Equal("MY_KEY", o.KeySource);
    }

    [Fact]
    public void Profile_problems_are_explained()
    {
        using var dir = new TempConfigDir(Profiles);
        var env = new Dictionary<string, string?>();

        var unknown = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--profile", "nope"], env, dir.File));
        Assert.Contains("profile 'nope' (from --profile) is not defined", unknown.Message);
        Assert.Contains("defined: both, ghost, lab, work", unknown.Message);

        var unset = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--profile", "ghost"], env, dir.File));
        Assert.Contains("NOT_SET_ANYWHERE", unset.Message);
        Assert.Contains("not set", unset.Message);

        var both = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--profile", "both"], env, dir.File));
        Assert.Contains("both apiKey and apiKeyEnv", both.Message);

        // The file's own default profile needs its variable too.
        var work = Assert.Throws<ConfigException>(() => ConfigLoader.Load([], env, dir.File));
        Assert.Contains("WORK_ANTHROPIC_KEY", work.Message);
    }
}
