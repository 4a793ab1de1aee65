using SoSucKhoe.LoadTest;
using SoSucKhoe.LoadTest.Reporting;

LoadTestOptions options;
try
{
    options = ArgumentParser.Parse(args);
}
catch (UsageException exception)
{
    await Console.Error.WriteLineAsync("error: " + exception.Message);
    await Console.Error.WriteLineAsync(ArgumentParser.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

LoadReport report;
try
{
    report = await LoadTestEngine.RunAsync(options, Console.Error, cancel.Token);
}
catch (UsageException exception)
{
    await Console.Error.WriteLineAsync("error: " + exception.Message);
    return 2;
}
catch (SoSucKhoe.LoadTest.Drill.DrillException exception)
{
    await Console.Error.WriteLineAsync("drill: " + exception.Message);
    return 1;
}

var markdown = ReportWriter.ToMarkdown(report);
await Console.Out.WriteLineAsync(markdown);
if (options.ReportDirectory is not null)
{
    await ReportWriter.WriteAsync(report, options.ReportDirectory, CancellationToken.None);
    await Console.Error.WriteLineAsync("report written to " + Path.GetFullPath(options.ReportDirectory));
}

var problems = report.Problems();
foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync("FAIL: " + problem);
}

return problems.Count == 0 ? 0 : 1;
