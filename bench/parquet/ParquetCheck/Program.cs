using System.Globalization;
using System.Numerics;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using DuckDB.NET.Data;

// Usage: ParquetCheck RESULTS.jsonl 'DATASET/*/*.parquet'
// Counts per result type and token sums, from the index (what the browser shows) and from DuckDB over the Parquet
// dataset; prints both and exits 1 when they differ.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ParquetCheck RESULTS.jsonl 'DIR/*/*.parquet'");
    return 2;
}

using ResultsIndex index = ResultsIndex.Build(args[0]);
ResultsSummary s = ResultsSummary.Of(index);
var expected = new SortedDictionary<string, long>(StringComparer.Ordinal);
foreach (var (kind, n) in s.ByKind) expected[kind.ToWire()] = n;
foreach (var (name, n) in new[] { ("input_tokens", s.InputTokens), ("output_tokens", s.OutputTokens), ("cache_read_tokens", s.CacheReadTokens), ("cache_write_tokens", s.CacheCreationTokens) })
    expected["sum(" + name + ")"] = n;

using var duck = new DuckDBConnection("Data Source=:memory:");
duck.Open();
string from = $"read_parquet('{args[1].Replace("'", "''")}', hive_partitioning=true)";
var actual = new SortedDictionary<string, long>(StringComparer.Ordinal);
foreach (object?[] row in Query($"select result_type, count(*) from {from} group by 1")) actual[(string)row[0]!] = Long(row[1]);
object?[] sums = Query($"select sum(input_tokens), sum(output_tokens), sum(cache_read_tokens), sum(cache_write_tokens) from {from}").Single();
string[] names = ["input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"];
for (int i = 0; i < names.Length; i++) actual["sum(" + names[i] + ")"] = Long(sums[i]);

bool same = true;
Console.WriteLine($"{"",-26} {"index",14} {"duckdb",14}");
foreach (string key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
{
    long e = expected.GetValueOrDefault(key), a = actual.GetValueOrDefault(key);
    same &= e == a;
    Console.WriteLine($"{key,-26} {e,14:N0} {a,14:N0}{(e == a ? "" : "  MISMATCH")}");
}
Console.WriteLine(same ? "read-back: DuckDB's counts and sums match the index" : "read-back: MISMATCH");
return same ? 0 : 1;

List<object?[]> Query(string sql)
{
    using var cmd = duck.CreateCommand();
    cmd.CommandText = sql;
    using var r = cmd.ExecuteReader();
    var rows = new List<object?[]>();
    while (r.Read())
    {
        var row = new object?[r.FieldCount];
        for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
        rows.Add(row);
    }
    return rows;
}

static long Long(object? v) => v is BigInteger big ? (long)big : Convert.ToInt64(v, CultureInfo.InvariantCulture);
