using BatchTui.Core.State;

namespace BatchTui.Tui.Editor;

/// <summary>Where the editor keeps drafts and the journal, and the clock it stamps them with.</summary>
public sealed record EditorStores(DraftStore Drafts, SubmissionJournal Journal, TimeProvider Time)
{
    /// <summary>The real locations: <c>$XDG_STATE_HOME/batchtui/{drafts,journal}</c> (fallback <c>~/.local/state</c>).</summary>
    public static EditorStores Default(TimeProvider? time = null) => At(StateDirectory.Resolve(), time ?? TimeProvider.System);

    /// <summary>Stores under <paramref name="stateDir"/> (tests point this at a temp directory).</summary>
    public static EditorStores At(string stateDir, TimeProvider time) =>
        new(new DraftStore(StateDirectory.Drafts(stateDir), time), new SubmissionJournal(StateDirectory.Journal(stateDir), time), time);
}
