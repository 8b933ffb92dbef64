namespace BatchTui.Core.Results.Store;

/// <summary>A results download that did not complete. Nothing was cached; the download can simply be started again.</summary>
public sealed class ResultsDownloadException(string message, Exception? inner = null) : Exception(message, inner);
