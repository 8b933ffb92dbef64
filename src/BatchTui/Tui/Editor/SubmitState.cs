namespace BatchTui.Tui.Editor;

/// <summary>
/// Where a submit is: <see cref="Idle"/> (editing) → <see cref="Confirming"/> (the preview is asked about; an edit
/// or a new submit means it was declined) → <see cref="Sending"/> → <see cref="Sent"/> (the editor closes) or
/// <see cref="Failed"/> (nothing lost: edit and submit again).
/// </summary>
public enum SubmitState
{
    Idle,
    Confirming,
    Sending,
    Sent,
    Failed,
}
