using System.Globalization;
using SoSucKhoe.TraceSummary;

const string Usage =
    "usage: SoSucKhoe.TraceSummary cpu <trace.nettrace> [--top 40] [--focus <method text>] [--callers <method text>] [--from <s>] [--to <s>] [--native]\n" +
    "       SoSucKhoe.TraceSummary gc <trace.nettrace>\n" +
    "       SoSucKhoe.TraceSummary perf <perf-script.txt> [--top 40]\n" +
    "cpu: a trace of `dotnet-trace collect --profile dotnet-sampled-thread-time`, optionally only the samples taken from\n" +
    "--from to --to seconds after the trace began; --native counts threads in native code (a P/Invoke such as a hash or\n" +
    "SQLite) as working unless the managed frame on top is a wait; gc: of `--profile gc-collect`; perf: the text of `perf script`\n" +
    "of a `perf record -e cpu-clock -g` of the hub (see docs/load-testing.md), summed by thread, by part of the hub and by leaf.";

if (args.Length < 2 || args[0] is not ("cpu" or "gc" or "perf") || !File.Exists(args[1]))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var c = CultureInfo.InvariantCulture;
string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

if (args[0] == "gc")
{
    var (pauses, span) = TraceReader.ReadGcPauses(args[1]);
    var summary = GcPauseSummary.Of(pauses, span);
    Console.WriteLine(string.Create(c, $"GC pauses over {span:0.0} s: {summary.Count} ({summary.PerSecond:0.0}/s), total {summary.TotalMilliseconds:0} ms ({summary.PausedShare:P1} of the time), median {summary.MedianMilliseconds:0.0} ms, max {summary.MaxMilliseconds:0.0} ms"));
    Console.WriteLine();
    Console.WriteLine("| at (s) | pause (ms) | of which suspending (ms) | generation | reason | promoted (MB) |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
    foreach (var pause in pauses)
    {
        Console.WriteLine(string.Create(c, $"| {pause.AtMilliseconds / 1000:0.000} | {pause.Milliseconds:0.0} | {pause.SuspensionMilliseconds:0.0} | {pause.Generation} | {pause.Reason} | {(pause.PromotedBytes < 0 ? "?" : (pause.PromotedBytes / 1e6).ToString("0.0", c))} |"));
    }

    return 0;
}

var top = int.TryParse(Option("--top"), NumberStyles.None, c, out var n) && n > 0 ? n : 40;

void Table(string title, IReadOnlyList<(string Method, double Share)> rows)
{
    Console.WriteLine();
    Console.WriteLine($"| {title} | share |");
    Console.WriteLine("| --- | --- |");
    foreach (var (method, share) in rows)
    {
        Console.WriteLine(string.Create(c, $"| `{method}` | {share:P1} |"));
    }
}

if (args[0] == "perf")
{
    using var script = File.OpenText(args[1]);
    var perf = PerfScript.Read(script, top);
    Console.WriteLine(string.Create(c, $"{perf.Samples} CPU samples"));
    foreach (var (title, rows) in new[] { ("thread", perf.Threads), ("part of the hub", perf.Parts), ("leaf symbol", perf.Leaves) })
    {
        Table(title, rows.Select(row => (row.Name, (double)row.Count / Math.Max(1, perf.Samples))).ToList());
    }

    return 0;
}

var callers = Option("--callers");
double Seconds(string name, double otherwise) =>
    double.TryParse(Option(name), NumberStyles.Float, c, out var seconds) ? seconds : otherwise;
var from = Seconds("--from", double.NegativeInfinity) * 1000;
var to = Seconds("--to", double.PositiveInfinity) * 1000;
var native = Array.IndexOf(args, "--native") >= 0;
var samples = TraceReader.ReadSamples(args[1])
    .Where(sample => sample.AtMilliseconds >= from && sample.AtMilliseconds < to)
    .Select(sample => native ? sample with { InManagedCode = true } : sample);
var profile = CpuProfile.Build(samples, Option("--focus"), callers);
Console.WriteLine(string.Create(c, $"{profile.Working} working samples of {profile.Total} (the rest were parked threads)"));
if (callers is not null)
{
    Table($"callers of {callers}", profile.TopCallers(top));
    return 0;
}

Table("inclusive", profile.TopInclusive(top));
Table("exclusive", profile.TopExclusive(top));
return 0;
