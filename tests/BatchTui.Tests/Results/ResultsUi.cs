using System.Runtime.CompilerServices;

namespace BatchTui.Tests.Results;

/// <summary>Terminal.Gui keeps some process-wide state (themes, bindings): these tests run one at a time.</summary>
[CollectionDefinition("Results UI", DisableParallelization = true)]
public sealed class ResultsUiCollection;

/// <summary>Approved-file snapshots: compares with <c>__snapshots__/name.txt</c>; on mismatch writes <c>name.received.txt</c>.</summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(caller)!, "__snapshots__");
        string approved = Path.Combine(dir, name + ".txt");
        string received = Path.Combine(dir, name + ".received.txt");
        string normalized = string.Join("\n", actual.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n') + "\n";
        if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n") == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(approved)
            ? $"screen differs from {approved}; see {received}"
            : $"no approved snapshot {approved}; review {received} and rename it to approve");
    }
}
