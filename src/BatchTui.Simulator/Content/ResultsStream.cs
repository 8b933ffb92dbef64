using BatchTui.Simulator.Engine;
using BatchTui.Simulator.Http;
using Microsoft.AspNetCore.Http;
using System.Buffers;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>
/// Streams a results file as JSONL. Line k is request <c>Shuffle(k)</c>, an affine permutation, so the order is not
/// the request order yet needs no memory; each line is generated from (batch seed, index) on the fly and the body is
/// flushed every ~64 KB. Memory stays flat for 100,000 lines.
/// </summary>
internal static class ResultsStream
{
    private const int FlushEvery = 64 * 1024;

    public static async Task WriteAsync(HttpContext ctx, BatchRecord batch, BatchView view, bool betaShapes, bool truncate)
    {
        var response = ctx.Response;
        response.StatusCode = 200;
        response.ContentType = "application/x-jsonl";
        var body = response.BodyWriter;
        var ct = ctx.RequestAborted;
        var line = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(line, WireJson.Options);
        var order = new Shuffle(batch.Count, batch.Seed);
        int truncateAt = truncate ? Math.Max(0, batch.Count / 2) : -1;
        int pending = 0;

        for (int k = 0; k < batch.Count; k++)
        {
            int index = order[k];
            line.ResetWrittenCount();
            writer.Reset(line);
            ResultLine.Write(writer, batch, index, batch.OutcomeOf(index, view), betaShapes);
            writer.Flush();

            if (k == truncateAt)
            {
                // Chaos: half a line, then the connection goes away.
                body.Write(line.WrittenSpan[..(line.WrittenCount / 2)]);
                await body.FlushAsync(ct);
                // Give the transport a moment to put the bytes on the wire: an abort discards unsent output, and
                // the point is that the client does receive half a line. Real time, not the simulated clock.
                await Task.Delay(TimeSpan.FromMilliseconds(150), TimeProvider.System, CancellationToken.None);
                ctx.Abort();
                return;
            }

            body.Write(line.WrittenSpan);
            body.Write("\n"u8);
            pending += line.WrittenCount + 1;
            if (pending >= FlushEvery)
            {
                pending = 0;
                var flushed = await body.FlushAsync(ct);
                if (flushed.IsCanceled || flushed.IsCompleted) return;
            }
        }
        await body.FlushAsync(ct);
    }

    /// <summary>i → (a·i + c) mod n with gcd(a, n) = 1: a bijection that scatters the request order.</summary>
    internal readonly struct Shuffle
    {
        private readonly long _n, _a, _c;

        public Shuffle(int n, ulong seed)
        {
            _n = Math.Max(1, n);
            _c = (long)(seed % (ulong)_n);
            long a = (long)(Hash.Mix(seed) % (ulong)_n) | 1;
            while (Gcd(a, _n) != 1) a = (a + 2) % _n;
            _a = Math.Max(1, a);
        }

        public int this[int i] => (int)((_a * i + _c) % _n);

        private static long Gcd(long x, long y)
        {
            while (y != 0) (x, y) = (y, x % y);
            return x;
        }
    }
}
