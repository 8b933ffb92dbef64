using BatchTui.Core.Api;

namespace BatchTui.Tests.Support;

public static class BatchListing
{
    /// <summary>Every batch, newest first, straight from the API (the truth a screen is compared with).</summary>
    public static async Task<List<MessageBatch>> AllBatchesAsync(this IBatchesApi api)
    {
        var all = new List<MessageBatch>();
        string? after = null;
        while (true)
        {
            BatchPage page = await api.ListAsync(new PageRequest(1000, AfterId: after));
            all.AddRange(page.Data);
            if (!page.HasMore || page.Data.Count == 0) return all;
            after = page.LastId;
        }
    }
}
