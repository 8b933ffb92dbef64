using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>One results line: <c>{"custom_id","result":{"type":succeeded|errored|canceled|expired,...}}</c>.</summary>
internal static class ResultLine
{
    public static void Write(Utf8JsonWriter w, BatchRecord batch, int index, Outcome outcome, bool betaShapes = true)
    {
        var requests = batch.Requests;
        w.WriteStartObject();
        w.WriteString("custom_id", requests.CustomId(index));
        w.WriteStartObject("result");
        var rng = new Rng(Hash.Of(batch.Seed, 0xC0DE, (ulong)index));
        switch (outcome)
        {
            case Outcome.Succeeded:
                w.WriteString("type", "succeeded");
                w.WritePropertyName("message");
                MessageWriter.Write(w, ref rng, requests.Model(index), requests.Theme(index), index, betaShapes,
                    batch.FinishOf(index), batch.Hostile);
                break;
            case Outcome.Errored:
                w.WriteString("type", "errored");
                w.WritePropertyName("error");
                ErroredResult.Write(w, ref rng, index, requests.Theme(index) == Theme.Mess);
                break;
            case Outcome.Canceled:
                w.WriteString("type", "canceled");
                break;
            default:
                w.WriteString("type", "expired");
                break;
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
