namespace Soak;

/// <summary>Every figure the soak prints, and the checks that fail the run.</summary>
internal sealed class Ledger
{
    // creates, by what the client was told
    public int CreateAttempts;
    public int CreatedReturned;          // the call returned the batch
    public int UncertainMatched;         // ambiguous, and the likely match was the batch really created
    public int UncertainNoneCreated;     // ambiguous, no match named, and indeed none was created
    public int RefusedNoneCreated;       // a plain error (4xx, 429/529 after retries, no connection)
    public int WrongMatch;               // a match named, but not the batch created (or none was)
    public int Unaccounted;              // a batch was created that the client neither returned nor named
    public int Duplicates;               // one attempt created more than one batch

    public int Cancels, CancelFailures, Deletes, DeleteFailures;
    public int RefreshRuns, RefreshFailures;
    public long ClientRetries;
    public TimeSpan BackoffAsked;
    public int UnhandledExceptions;
    public readonly List<string> Problems = [];
    public readonly Dictionary<string, string> Examples = [];

    public readonly List<(double Minutes, int Batches, int Ours, long Bytes)> Memory = [];

    public void Fail(string what)
    {
        if (Problems.Count < 20) Problems.Add(what);
    }
}
