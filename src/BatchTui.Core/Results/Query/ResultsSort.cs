namespace BatchTui.Core.Results.Query;

/// <summary>Row order. File order is the order the API wrote the results (not the request order).</summary>
public enum ResultsSort { FileOrder, CustomId, TotalTokens, InputTokens, OutputTokens }

public static class ResultsSortText
{
    public static string Describe(this ResultsSort sort) => sort switch
    {
        ResultsSort.CustomId => "custom_id",
        ResultsSort.TotalTokens => "total tokens",
        ResultsSort.InputTokens => "input tokens",
        ResultsSort.OutputTokens => "output tokens",
        _ => "file order",
    };

    public static ResultsSort Next(this ResultsSort sort) => (ResultsSort)(((int)sort + 1) % (Enum.GetValues<ResultsSort>().Length));
}
