using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using CsCheck;
using System.Text;
using Xunit.Abstractions;

namespace BatchTui.Core.Tests.Properties;

/// <summary>
/// Random byte mutations of real result lines (flips, inserts, deletes, truncation, invalid UTF-8, controls, broken
/// escapes, stray newlines) through the indexer, both scanners and the detail parser: nothing throws, and every line
/// of the file is classified, as a result or as unparseable with its own line number.
/// </summary>
public sealed class IndexerProperties(ITestOutputHelper output)
{
    public const int FileIterations = 200, LineIterations = 2000;

    [Fact]
    public async Task Mutated_result_files_index_without_throwing_and_every_line_is_classified()
    {
        var corpus = await ResultCorpus.GetAsync();
        var gen = Gen.Select(Gen.Select(Gen.Int[0, corpus.Count - 1], Mutation.Script).Array[1, 20], Gen.Int[0, 3], Gen.Bool);
        string dir = Directory.CreateTempSubdirectory("batchtui-prop-").FullName;
        int files = 0, rows = 0, unparseable = 0;
        try
        {
            gen.Sample((picks, layout, cut) =>
            {
                byte[] file = Layout(picks.Select(p => Mutation.Apply(corpus[p.Item1], p.Item2)).ToList(), layout);
                string path = Path.Combine(dir, $"f{files++}.jsonl");
                File.WriteAllBytes(path, file);
                using var index = cut ? ResultsIndex.Build(path, scanThreads: 3, IndexTuning.Tiny) : ResultsIndex.Build(path, scanThreads: 1);

                var lines = SplitLines(file);
                var expected = Enumerable.Range(0, lines.Count).Where(i => !IsBlank(lines[i])).ToList();
                Assert.Equal(expected.Count, index.Count);
                Assert.Equal(file.Length > 0 && file[^1] != (byte)'\n', index.EndsMidLine);
                for (int row = 0; row < index.Count; row++)
                {
                    ResultEntry e = index[row];
                    Assert.Equal(expected[row] + 1, e.LineNumber);
                    Assert.Equal(lines[expected[row]], index.ReadLine(row));
                    string? problem = index.Problem(row);
                    Assert.Equal(e.Kind == ResultKind.Unparseable, problem is not null);
                    if (problem is not null)
                    {
                        Assert.StartsWith($"line {e.LineNumber}: ", problem);
                        unparseable++;
                    }
                    Assert.True(TextChecks.IsWellFormed(index.Preview(row)));
                    _ = index.Reason(e) + index.Model(e);

                    var detail = ResultDetail.Parse(index.ReadLine(row), knownProblem: problem);
                    Assert.Equal(problem is null ? e.Kind : ResultKind.Unparseable, detail.Kind);
                    TextChecks.AssertWellFormed(detail.Nodes);
                    Assert.True(TextChecks.IsWellFormed(detail.PrettyJson));
                    rows++;
                }
            }, iter: Runs.Of(FileIterations), threads: 1,
            print: t => $"layout {t.Item2}: " + string.Join(" | ", t.Item1.Select(p => $"#{p.Item1} [{string.Join(",", p.Item2)}]")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        output.WriteLine($"{Runs.Of(FileIterations)} files, {rows} rows ({unparseable} unparseable) from {corpus.Count} corpus lines");
    }

    [Fact]
    public async Task Both_scanners_agree_on_every_mutated_line()
    {
        var corpus = await ResultCorpus.GetAsync();
        int fastDecided = 0;
        Gen.Select(Gen.Int[0, corpus.Count - 1], Mutation.Script).Sample((pick, script) =>
        {
            byte[] line = Mutation.Apply(corpus[pick], script);
            var pool = new StringPool();
            LineScan fast = default, precise = default;
            LineScanner.Scan(line, pool, ref fast);
            LineScanner.ScanPrecisely(line, pool, ref precise);
            var check = default(LineScan);
            if (System.Text.Unicode.Utf8.IsValid(line) && FastLineScanner.TryScan(line, pool, ref check)) fastDecided++;
            string Show(in LineScan s) =>
                $"{s.CustomId}|{s.Kind}|{(s.Reason < 0 ? null : pool[s.Reason])}|{(s.Model < 0 ? null : pool[s.Model])}|{s.InputTokens}|{s.OutputTokens}|" +
                $"{s.CacheCreationTokens}|{s.CacheReadTokens}|{s.PreviewOffset}|{s.PreviewLength}|{s.BlockCount}|{s.Problem}";
            string a = Show(fast), b = Show(precise);
            // Only a problem's wording may differ; whether there is one may not.
            Assert.Equal(precise.Problem is null ? b : "problem", fast.Problem is null ? a : "problem");
        }, iter: Runs.Of(LineIterations), threads: 1, print: t => $"#{t.Item1} [{string.Join(",", t.Item2)}]: {Mutation.Show(Mutation.Apply(corpus[t.Item1], t.Item2))}");
        output.WriteLine($"{Runs.Of(LineIterations)} lines, {fastDecided} decided by the fast scanner");
    }

    private static byte[] Layout(List<byte[]> lines, int layout)
    {
        var file = new List<byte>();
        for (int i = 0; i < lines.Count; i++)
        {
            file.AddRange(lines[i]);
            if (layout == 2) file.Add((byte)'\r');
            if (i < lines.Count - 1 || layout != 1) file.Add((byte)'\n');
            if (layout == 3) file.AddRange(" \t\n\n"u8.ToArray());
        }
        return [.. file];
    }

    /// <summary>The file's lines as the indexer sees them: split on '\n', the empty tail after a final newline dropped.</summary>
    private static List<byte[]> SplitLines(byte[] file)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < file.Length; i++)
        {
            if (file[i] != (byte)'\n') continue;
            lines.Add(file[start..i]);
            start = i + 1;
        }
        if (start < file.Length) lines.Add(file[start..]);
        return lines;
    }

    private static bool IsBlank(byte[] line)
    {
        ReadOnlySpan<byte> json = line.Length > 0 && line[^1] == (byte)'\r' ? line.AsSpan(0, line.Length - 1) : line;
        return json.IndexOfAnyExcept(" \t"u8) < 0;
    }
}
