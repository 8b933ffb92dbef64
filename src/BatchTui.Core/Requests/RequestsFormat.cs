namespace BatchTui.Core.Requests;

/// <summary>How a requests text was written.</summary>
public enum RequestsFormat
{
    /// <summary>One <c>{"custom_id":..., "params":...}</c> per line.</summary>
    Jsonl,
    /// <summary>The create body, <c>{"requests":[...]}</c>.</summary>
    Body,
    /// <summary>A bare JSON array of requests.</summary>
    Array,
}
