using System.Diagnostics;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using ResultsBench;

// The measuring half of bench/results/run.sh (which times the peers, takes medians and prints the table).
// Every command prints one line of key=value pairs for the script to read.
switch (args.FirstOrDefault())
{
    case "gen" when args.Length == 4:
        {
            Generator.Write(args[1], int.Parse(args[2]), long.Parse(args[3]) << 20);
            Console.WriteLine($"bytes={new FileInfo(args[1]).Length}");
            return 0;
        }
    case "gen-wild" when args.Length == 3:
        {
            WildGenerator.Write(args[1], long.Parse(args[2]) << 20);
            Console.WriteLine($"bytes={new FileInfo(args[1]).Length}");
            return 0;
        }
    case "index" when args.Length == 2:
        {
            // The app's one-pass indexer over the whole file, on this thread; errored rows are counted the way jq selects them.
            var sw = Stopwatch.StartNew();
            using var index = ResultsIndex.Build(args[1]);
            double ms = sw.Elapsed.TotalMilliseconds;
            int errored = 0, unparseable = 0;
            for (int r = 0; r < index.Count; r++)
            {
                ResultKind k = index[r].Kind;
                if (k == ResultKind.Errored) errored++;
                else if (k == ResultKind.Unparseable) unparseable++;
            }
            Console.WriteLine($"rows={index.Count} errored={errored} unparseable={unparseable} ms={ms:F1} gc0={GC.CollectionCount(0)} gc2={GC.CollectionCount(2)} alloc_mb={GC.GetTotalAllocatedBytes() >> 20}");
            return 0;
        }
    case "search" when args.Length == 4:
        {
            // Full-text search over the raw lines of an already-built index (as in the app, where `/` runs on the index).
            using var index = ResultsIndex.Build(args[1]);
            int runs = int.Parse(args[3]);
            int hits = Count(FullTextSearch.Search(index, args[2])); // warm-up: page cache, JIT
            var times = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                bool[] found = FullTextSearch.Search(index, args[2]);
                times.Add(sw.Elapsed.TotalMilliseconds);
                if (Count(found) != hits) throw new InvalidOperationException("search is not deterministic");
            }
            Console.WriteLine($"hits={hits} ms={Median(times):F1} runs={string.Join(',', times.Select(t => t.ToString("F0")))}");
            return 0;
        }
    case "first-screen" when args.Length == 3:
        {
            int runs = int.Parse(args[2]);
            double cold = FirstScreen.Measure(args[1], out string firstRow);
            var times = new List<double>();
            for (int i = 0; i < runs; i++) times.Add(FirstScreen.Measure(args[1], out _));
            Console.WriteLine($"cold_ms={cold:F1} ms={(runs > 0 ? Median(times) : cold):F1} runs={string.Join(',', times.Select(t => t.ToString("F0")))} row=\"{firstRow}\"");
            return 0;
        }
    case "probe" when args.Length == 2:
        {
            // Per-stage cost of the index pass over a file in memory: newline split, UTF-8 check, fast scanner, precise one.
            byte[] all = File.ReadAllBytes(args[1]);
            var lines = new List<(int, int)>();
            for (int st = 0; ;)
            {
                int nl = all.AsSpan(st).IndexOf((byte)'\n');
                if (nl < 0) break;
                lines.Add((st, nl));
                st += nl + 1;
            }
            for (int round = 0; round < 3; round++)
            {
                var sw = Stopwatch.StartNew();
                int valid = 0;
                foreach (var (o, l) in lines) if (System.Text.Unicode.Utf8.IsValid(all.AsSpan(o, l))) valid++;
                double utf = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var pool = new StringPool();
                int fast = 0;
                foreach (var (o, l) in lines) if (ProbeHooks.Fast(all.AsSpan(o, l), pool)) fast++;
                double f = sw.Elapsed.TotalMilliseconds;
                Console.WriteLine($"{lines.Count} lines: utf8 {utf:F0} ms ({valid} valid), fast scanner {f:F0} ms ({fast} ok)");
            }
            return 0;
        }
    default:
        Console.Error.WriteLine("usage: gen FILE LINES MB | gen-wild FILE MB | index FILE | search FILE NEEDLE RUNS | first-screen FILE RUNS");
        return 2;
}

static int Count(bool[] hits) => hits.Count(h => h);

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}
