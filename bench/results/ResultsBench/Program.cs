using System.Diagnostics;
using BatchTui.Core.Results.Index;
using ResultsBench;

switch (args.FirstOrDefault())
{
    case "gen":
        Generator.Write(args[1], int.Parse(args[2]), long.Parse(args[3]) << 20);
        Console.WriteLine($"{args[1]}: {new FileInfo(args[1]).Length >> 20} MB");
        return 0;
    case "index":
    {
        var sw = Stopwatch.StartNew();
        using var index = ResultsIndex.Build(args[1]);
        Console.WriteLine($"{index.Count} rows in {sw.Elapsed.TotalMilliseconds:F0} ms");
        return 0;
    }
    case "probe":
    {
        byte[] all = File.ReadAllBytes(args[1]);
        var lines = new List<(int, int)>();
        int st = 0;
        while (true) { int nl = all.AsSpan(st).IndexOf((byte)'\n'); if (nl < 0) break; lines.Add((st, nl)); st += nl + 1; }
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            int valid = 0;
            foreach (var (o, l) in lines) if (System.Text.Unicode.Utf8.IsValid(all.AsSpan(o, l))) valid++;
            double utf = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var pool = new StringPool();
            int fast = 0;
            foreach (var (o, l) in lines) if (BatchTui.Core.Results.Index.ProbeHooks.Fast(all.AsSpan(o, l), pool)) fast++;
            double f = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var (o, l) in lines) BatchTui.Core.Results.Index.ProbeHooks.Precise(all.AsSpan(o, l), pool);
            double pr = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"utf8 {utf:F0} ms ({valid} valid), fast {f:F0} ms ({fast} ok), precise {pr:F0} ms");
        }
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: gen FILE LINES MB | index FILE");
        return 2;
}
