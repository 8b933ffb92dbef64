using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

/// <summary>The profiles the TUI's picker (P) offers, each resolved as <c>--profile NAME</c> would be.</summary>
public sealed class ProfileCatalogTests
{
    private const string Profiles = """
        {
          "profiles": {
            "work":  { "apiKeyEnv": "WORK_ANTHROPIC_KEY", "readOnly": true },
            "lab":   { "apiKey": "sk-ant-lab-secret", "baseUrl": "http://127.0.0.1:8080", "workspace": "ml-team" },
            "ghost": { "apiKeyEnv": "NOT_SET_ANYWHERE" },
            "bare":  { "baseUrl": "http://127.0.0.1:9090" }
          }
        }
        """;

    [Fact]
    public void Lists_every_profile_with_where_it_points_and_why_one_cannot_be_used()
    {
        using var dir = new TempConfigDir(Profiles);
        var env = new Dictionary<string, string?> { ["WORK_ANTHROPIC_KEY"] = "sk-ant-work-secret" };
        var catalog = new ProfileCatalog(["--profile", "lab"], env, dir.File);
        var all = catalog.List("lab").ToDictionary(p => p.Name);
        Assert.Equal(["bare", "ghost", "lab", "work"], all.Keys.Order());
        Assert.Null(all["lab"].Unusable);
        Assert.Equal("http://127.0.0.1:8080", all["lab"].Where);
        Assert.Equal("ml-team", all["lab"].Options!.Workspace);
        Assert.Null(all["work"].Options!.Workspace);
        Assert.Null(all["work"].Unusable);
        Assert.True(all["work"].Options!.ReadOnly);
        Assert.Equal("no API key: set NOT_SET_ANYWHERE", all["ghost"].Unusable);
        Assert.StartsWith("no API key: set ANTHROPIC_API_KEY", all["bare"].Unusable);
        // The key itself never shows in a row.
        Assert.DoesNotContain(all.Values, p => (p.Unusable ?? "").Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_start_connection_flags_are_dropped_and_the_others_kept()
    {
        using var dir = new TempConfigDir(Profiles);
        var catalog = new ProfileCatalog(
            ["--profile", "lab", "--base-url=http://127.0.0.1:1", "--api-key-env", "X", "--beta", "b1", "--demo", "--read-only", "--config", dir.File],
            new Dictionary<string, string?>());
        Assert.Equal(["--read-only", "--config", dir.File, "--profile", "work"], catalog.ArgsFor("work"));
        // --read-only given at start stays in force for every profile; a profile's own base URL applies.
        ProfileSummary lab = catalog.Describe("lab");
        Assert.True(lab.Options!.ReadOnly);
        Assert.Equal("http://127.0.0.1:8080", lab.Where);
    }

    [Fact]
    public void Without_a_config_file_the_current_default_profile_is_the_simulator()
    {
        using var dir = new TempConfigDir();
        var only = Assert.Single(new ProfileCatalog([], new Dictionary<string, string?>(), dir.File).List("default"));
        Assert.Equal("default", only.Name);
        Assert.Equal("simulator", only.Where);
        Assert.Null(only.Unusable);
    }
}
