// Says it is up the way batchtui's FirstFrameProbe does: the wall clock in Unix nanoseconds, written once to the file
// named by the variable.
string? file = Environment.GetEnvironmentVariable("BATCHTUI_BENCH_FIRST_FRAME");
Console.WriteLine("hello");
if (!string.IsNullOrEmpty(file)) File.WriteAllText(file, ((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100).ToString());
