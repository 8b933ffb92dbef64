namespace BatchTui.Simulator.Engine;

/// <summary>The requests of a batch, by index: what a results line needs to know about its request.</summary>
internal interface IRequestSource
{
    int Count { get; }
    string CustomId(int index);
    string Model(int index);
    Theme Theme(int index);
}

/// <summary>The requests a client actually submitted (custom_ids and models as sent).</summary>
internal sealed class SubmittedRequests(string[] customIds, string[] models, Theme[] themes) : IRequestSource
{
    public int Count => customIds.Length;
    public string CustomId(int index) => customIds[index];
    public string Model(int index) => models[index];
    public Theme Theme(int index) => themes[index];
}

/// <summary>Requests of a seeded batch, computed from the index so a 100,000-request batch costs nothing to hold.</summary>
internal sealed class GeneratedRequests(Theme theme, int count, string model) : IRequestSource
{
    private static readonly string[] Languages = ["de", "fr", "ja", "es", "pt-br", "ko"];

    public int Count => count;

    public string Model(int index) => model;

    public Theme Theme(int index) => theme;

    public string CustomId(int index) => theme switch
    {
        Engine.Theme.CodeReview => $"pr-{4100 + index}-review",
        Engine.Theme.Support => $"ticket-{180000 + index}",
        Engine.Theme.Translation => $"tr-{Languages[index % Languages.Length]}-{index:D5}",
        Engine.Theme.Labelling => $"label-{index:D6}",
        Engine.Theme.Research => $"research-q{index:D4}",
        Engine.Theme.Mess => $"mess-{index:D4}",
        _ => $"eval-{index:D6}",
    };
}

/// <summary>What a batch is about; picks the flavour of its generated content. <see cref="Mess"/>: real-world mess
/// (emoji, RTL, controls, escape sequences, huge blocks; <see cref="Content.MessScenarios"/>).</summary>
internal enum Theme { Mixed, CodeReview, Support, Translation, Labelling, Research, Eval, Mess }
