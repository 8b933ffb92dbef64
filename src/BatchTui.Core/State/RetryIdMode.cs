namespace BatchTui.Core.State;

/// <summary>How retried requests are named: as before, or <c>&lt;id&gt;-retry1</c> (then <c>-retry2</c>, ...).</summary>
public enum RetryIdMode { SameIds, RetrySuffix }
