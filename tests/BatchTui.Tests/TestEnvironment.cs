using System.Runtime.CompilerServices;

// Terminal.Gui keeps themes, Force16Colors and default key bindings in process-wide statics.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace BatchTui.Tests;

internal static class TestEnvironment
{
    /// <summary>The headless driver must never open /dev/tty, even when `dotnet test` runs in a real terminal.</summary>
    [ModuleInitializer]
    internal static void DisableRealTerminal() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
