using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

/// <summary><c>notify: bell|terminal|both|off</c> through the layers: default both, file, <c>BATCHTUI_NOTIFY</c>.</summary>
public sealed class NotifyConfigTests
{
    [Fact]
    public void Notify_defaults_to_both_comes_from_file_and_env_and_refuses_other_words()
    {
        using var none = new TempConfigDir();
        Assert.Equal(NotifyMode.Both, ConfigLoader.Load([], new Dictionary<string, string?>(), none.File).Options.Notify);

        using var dir = new TempConfigDir("""{ "notify": "terminal" }""");
        Assert.Equal(NotifyMode.Terminal, ConfigLoader.Load([], new Dictionary<string, string?>(), dir.File).Options.Notify);
        var env = new Dictionary<string, string?> { ["BATCHTUI_NOTIFY"] = "Off" };
        Assert.Equal(NotifyMode.Off, ConfigLoader.Load([], env, dir.File).Options.Notify);
        env["BATCHTUI_NOTIFY"] = "bell";
        Assert.Equal(NotifyMode.Bell, ConfigLoader.Load([], env, dir.File).Options.Notify);

        env["BATCHTUI_NOTIFY"] = "loud";
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load([], env, dir.File));
        Assert.Contains("BATCHTUI_NOTIFY", e.Message);
    }
}
