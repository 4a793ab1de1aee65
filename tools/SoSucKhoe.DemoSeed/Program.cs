using Grpc.Core;
using SoSucKhoe.DemoSeed;

DemoSeedOptions options;
try
{
    options = DemoSeedOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync("error: " + exception.Message);
    await Console.Error.WriteLineAsync(DemoSeedOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

DemoSeedResult result;
try
{
    result = await new DemoSeeder(options, Console.Error).RunAsync(TimeSpan.FromSeconds(90), cancel.Token);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync("error: " + exception.Message);
    return 2;
}
catch (DemoSeedRefusedException exception)
{
    await Console.Error.WriteLineAsync("refused: " + exception.Message);
    return 3;
}
catch (RpcException exception)
{
    await Console.Error.WriteLineAsync($"error: the hub answered {exception.StatusCode}: {exception.Status.Detail}");
    return 1;
}

Console.WriteLine(DemoSummary.Write(result, options));
return result.Failed == 0 ? 0 : 1;
