// Says it is up the same way batchtui's FirstFrameProbe does: one write to the file named by the variable.
string? file = Environment.GetEnvironmentVariable("BATCHTUI_BENCH_FIRST_FRAME");
Console.WriteLine("hello");
if (!string.IsNullOrEmpty(file)) File.WriteAllText(file, "up");
