namespace BatchTui.Simulator.Engine;

/// <summary>How a hostile server gets one batch object wrong (<c>simulate --hostile</c>); the batch itself runs as
/// any other, only what is written on the wire changes.</summary>
internal enum BatchQuirk
{
    None,
    /// <summary><c>created_at</c> is a number (Unix seconds), not a string.</summary>
    CreatedAtIsNumber,
    /// <summary>Every <c>request_counts</c> field is a string.</summary>
    CountsAreStrings,
    /// <summary>Counts near <c>long.MaxValue</c>: their sum overflows a 64-bit integer.</summary>
    CountsOverflow,
    /// <summary>Negative counts.</summary>
    NegativeCounts,
    /// <summary>The optional fields (<c>ended_at</c>, <c>archived_at</c>, <c>cancel_initiated_at</c>,
    /// <c>results_url</c>) are left out instead of null.</summary>
    NoOptionalFields,
    /// <summary>A <c>processing_status</c> no API documents.</summary>
    UnknownStatus,
    /// <summary>Year 1: created, ended and expiring on 1 January 0001.</summary>
    FarPast,
    /// <summary>Created on 31 December 9999, expiring in year 10000 (past what most date types hold).</summary>
    FarFuture,
}
