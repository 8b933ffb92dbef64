using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

public sealed class ConfigValidationTests
{
    private static string Fails(string[] args, Dictionary<string, string?>? env = null, string? json = null)
    {
        using var dir = new TempConfigDir(json);
        return Assert.Throws<ConfigException>(() => ConfigLoader.Load(args, env ?? new(), dir.File)).Message;
    }

    [Fact]
    public void Out_of_range_and_malformed_numbers_name_the_setting_and_origin()
    {
        Assert.Equal("pageSize 0 (from --page-size) must be between 1 and 1000", Fails(["--page-size", "0"]));
        Assert.Equal("pageSize 1001 (from BATCHTUI_PAGE_SIZE) must be between 1 and 1000",
            Fails([], new() { ["BATCHTUI_PAGE_SIZE"] = "1001" }));
        Assert.Contains("pageSize 'lots' (from pageSize in ", Fails([], json: """{ "pageSize": "lots" }"""));
        Assert.Contains("is not a whole number", Fails([], json: """{ "pageSize": "lots" }"""));
        Assert.Equal("refreshSeconds -1 (from --refresh-seconds) must be between 0 and 3600", Fails(["--refresh-seconds", "-1"]));
        Assert.Equal("timeoutSeconds 0 (from --timeout) must be between 1 and 3600", Fails(["--timeout", "0"]));
        Assert.Equal("maxRetries 11 (from --max-retries) must be between 0 and 10", Fails(["--max-retries", "11"]));
    }

    [Fact]
    public void Page_size_limits_are_inclusive()
    {
        using var dir = new TempConfigDir();
        Assert.Equal(1, ConfigLoader.Load(["--page-size", "1"], new Dictionary<string, string?>(), dir.File).Options.PageSize);
        Assert.Equal(1000, ConfigLoader.Load(["--page-size", "1000"], new Dictionary<string, string?>(), dir.File).Options.PageSize);
    }

    [Fact]
    public void Bad_urls_booleans_names_and_missing_values_are_rejected()
    {
        Assert.Equal("baseUrl 'api.anthropic.com' (from --base-url) is not an absolute http:// or https:// URL",
            Fails(["--base-url", "api.anthropic.com"]));
        Assert.Contains("ftp://x", Fails([], new() { ["ANTHROPIC_BASE_URL"] = "ftp://x" }));
        Assert.Contains("(from ANTHROPIC_BASE_URL)", Fails([], new() { ["ANTHROPIC_BASE_URL"] = "ftp://x" }));
        Assert.Equal("readOnly 'maybe' (from --read-only) is not true or false", Fails(["--read-only=maybe"]));
        Assert.Contains("theme 'dark mode' (from --theme) is not a valid name", Fails(["--theme", "dark mode"]));
        Assert.Equal("--page-size needs a value (--page-size N)", Fails(["--page-size"]));
        Assert.Equal("--profile needs a value (--profile NAME)", Fails(["--profile", "--read-only"]));
        Assert.Contains("is not a valid anthropic-beta value", Fails(["--beta", "has space"]));
    }

    [Fact]
    public void Malformed_config_file_says_which_file()
    {
        string message = Fails([], json: """{ "pageSize": 10, """);
        Assert.Contains("config file ", message);
        Assert.Contains("could not be read", message);
        Assert.Contains("config.json", message);
    }
}
