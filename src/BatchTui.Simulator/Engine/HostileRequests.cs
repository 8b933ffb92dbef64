namespace BatchTui.Simulator.Engine;

/// <summary>Requests of a hostile batch (<c>simulate --hostile</c>): real-world-mess content, and custom_ids the API
/// would never accept: path tricks, shell substitutions, escape sequences, RTL overrides, one duplicate.</summary>
internal sealed class HostileRequests(int count, string model) : IRequestSource
{
    private static readonly string[] Odd =
    [
        "../../.ssh/authorized_keys", "$(touch /tmp/pwned)", "\u001b]0;owned\u0007\u001b[2J", "report\u202Efdp.exe",
        "emoji-🎉-👩‍💻", "nul\u0000byte", "dup", "dup", "line\nbreak", "",
    ];

    public int Count => count;

    public string Model(int index) => model;

    public Theme Theme(int index) => Engine.Theme.Mess;

    public string CustomId(int index) => index < Odd.Length ? Odd[index] : $"mess-{index:D4}";
}
