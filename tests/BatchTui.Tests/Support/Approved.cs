using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace BatchTui.Tests.Support;

/// <summary>
/// Approved-file snapshots: the text is compared with <c>__snapshots__/NAME.txt</c> next to the tests. On a mismatch
/// (or when the file is missing) <c>NAME.received.txt</c> is written beside it and the test fails; approve by renaming
/// it, or run once with <c>APPROVE_SNAPSHOTS=1</c>. Screens are normalised first: the random port becomes #####.
/// </summary>
public static partial class Approved
{
    public static void Verify(string name, string text, [CallerFilePath] string caller = "")
    {
        string dir = Path.Combine(FindTestsRoot(caller), "__snapshots__");
        Directory.CreateDirectory(dir);
        string approvedPath = Path.Combine(dir, name + ".txt");
        string receivedPath = Path.Combine(dir, name + ".received.txt");
        string received = Normalise(text);

        if (Environment.GetEnvironmentVariable("APPROVE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }
        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"no approved snapshot {approvedPath}; the screen was written to {receivedPath}:\n{received}"
            : $"screen differs from {approvedPath}; see {receivedPath}:\n{received}");
    }

    public static string Normalise(string text) =>
        Port().Replace(text.ReplaceLineEndings("\n"), m => m.Groups[1].Value + new string('#', m.Groups[2].Value.Length));

    [GeneratedRegex(@"(127\.0\.0\.1:)(\d+)")]
    private static partial Regex Port();

    // The directory holding the test project (where __snapshots__ lives), from this source file's path.
    private static string FindTestsRoot(string caller)
    {
        string? dir = Path.GetDirectoryName(caller);
        while (dir is not null && !File.Exists(Path.Combine(dir, "BatchTui.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException($"cannot find BatchTui.Tests.csproj above {caller}");
    }
}
