using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>results --format parquet -o F</c> and <c>export --cached DIR</c> against the simulator.</summary>
public sealed class ParquetCliTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;
    private MessageBatch _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _w = await CliWorld.StartAsync(clock: _clock, createdErrorRate: 0.3);
        MessageBatch a = await _w.CreateAsync(40, "a"), b = await _w.CreateAsync(7, "b");
        _clock.Advance(TimeSpan.FromHours(1));
        _a = await _w.Api.GetAsync(a.Id);
        _b = await _w.Api.GetAsync(b.Id);
        Assert.True(_a.IsEnded && _a.Counts.Errored > 0 && _b.IsEnded);
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Results_as_parquet_hold_the_filtered_rows_with_the_batch_id()
    {
        string file = Path.Combine(_w.Home, "errors.parquet");
        CliRun r = await _w.Run("results", _a.Id, "--type", "errored", "--format", "parquet", "-o", file);

        Assert.Equal(0, r.Code);
        Assert.Empty(r.OutBytes);
        Assert.Contains($"{_a.Counts.Errored} of 40 results (type=errored) written to {file}", r.Err);
        Assert.Equal(Enumerable.Repeat("errored", (int)_a.Counts.Errored), await ParquetFile.Strings(file, "result_type"));
        Assert.All(await ParquetFile.Strings(file, "batch_id"), id => Assert.Equal(_a.Id, id));
        // Each row's raw_line is the API's line, so its custom_id and error type are the ones the file names.
        var raw = await ParquetFile.Strings(file, "raw_line");
        Assert.Equal(raw.Select(l => JsonDocument.Parse(l!).RootElement.GetProperty("custom_id").GetString()), await ParquetFile.Strings(file, "custom_id"));
        Assert.Equal(raw.Select(l => JsonDocument.Parse(l!).RootElement.GetProperty("result").GetProperty("error").GetProperty("error").GetProperty("type").GetString()),
            await ParquetFile.Strings(file, "error_type"));
    }

    [Fact]
    public async Task A_dot_parquet_output_picks_parquet_and_parquet_without_a_file_is_refused()
    {
        string file = Path.Combine(_w.Home, "all.parquet");
        Assert.Equal(0, (await _w.Run("results", _a.Id, "-o", file)).Code);
        Assert.Equal(40, (await ParquetFile.Strings(file, "custom_id")).Count);
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(file)[..4]);

        CliRun refused = await _w.Run(["results", _a.Id, "--format", "parquet"], terminal: true);
        Assert.Equal(2, refused.Code);
        Assert.Empty(refused.OutBytes); // nothing binary reached the terminal
        Assert.Contains("--format parquet writes a file: add -o FILE.parquet", refused.Err);
    }

    [Fact]
    public async Task Export_cached_writes_every_cached_batch_of_the_origin_as_a_hive_dataset()
    {
        string dir = Path.Combine(_w.Home, "dataset");
        CliRun none = await _w.Run("export", "--cached", dir);
        Assert.Equal(0, none.Code);
        Assert.Contains("no cached results for", none.Err);

        Assert.Equal(0, (await _w.Run("results", _a.Id)).Code); // caches them
        Assert.Equal(0, (await _w.Run("results", _b.Id)).Code);
        CliRun r = await _w.Run("export", "--cached", dir);

        Assert.Equal(0, r.Code);
        Assert.Contains("2 batches, 47 results written to", r.Err);
        Assert.Contains("hive_partitioning=true", r.Err);
        string[] lines = CliWorld.Lines(r.Out);
        Assert.Equal(2, lines.Length);
        foreach (MessageBatch batch in new[] { _a, _b })
        {
            string part = Path.Combine(dir, $"batch_id={batch.Id}", "part-0.parquet");
            Assert.Contains($"{batch.Id}\t{batch.Counts.Total}\t{part}", lines);
            Assert.DoesNotContain("batch_id", await ParquetFile.Columns(part)); // the folder name carries it
            List<string?> types = await ParquetFile.Strings(part, "result_type");
            Assert.Equal(batch.Counts.Succeeded, types.Count(t => t == "succeeded"));
            Assert.Equal(batch.Counts.Errored, types.Count(t => t == "errored"));
        }

        CliRun usage = await _w.Run("export", dir);
        Assert.Equal(2, usage.Code);
        Assert.Contains("--cached", usage.Err);
    }
}
