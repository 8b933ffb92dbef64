namespace BatchTui.Tui.Shell;

/// <summary>A root pane that can say when its first real screen is up (the loaded list, a screenful of results), for the
/// start-up probe (<see cref="FirstFrameProbe"/>).</summary>
public interface IFirstScreen
{
    bool FirstScreenShown { get; }
}
