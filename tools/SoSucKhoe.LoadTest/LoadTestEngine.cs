using System.Globalization;
using Grpc.Net.Client;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Reporting;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest;

/// <summary>
/// One load run end to end: synthetic province, facility registration and keys, pre-signed dossiers, the drive (open or closed
/// loop), forwarding lag and gateway counters, and the report. Every phase is bounded by the duration and the drain timeout.
/// </summary>
public static class LoadTestEngine
{
    public static async Task<LoadReport> RunAsync(LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        if (!LoopbackGuard.IsLoopback(options.GrpcAddress) || (options.GatewayStats is { } s && !LoopbackGuard.IsLoopback(s)))
        {
            throw new UsageException("only loopback hosts are allowed");
        }

        var c = CultureInfo.InvariantCulture;
        var planned = Planned(options, options.Duration);
        var warmupCount = options.Warmup > TimeSpan.Zero ? Planned(options, options.Warmup) : 0;
        await progress.WriteLineAsync(string.Create(c, $"generating {options.Facilities} facilities, {options.Citizens} citizens, {warmupCount + planned} signed dossiers…")).ConfigureAwait(false);
        var workload = new WorkloadGenerator(options.Seed, options.Facilities, options.Citizens);
        var all = workload.Generate(warmupCount + planned);
        var dossiers = all.Skip(warmupCount).ToList();

        using var channel = GrpcChannel.ForAddress(options.GrpcAddress, new GrpcChannelOptions
        {
            MaxSendMessageSize = 64 * 1024 * 1024,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false },
        });
        await progress.WriteLineAsync("registering facilities and issuing keys…").ConfigureAwait(false);
        var keys = await HubSetup.RegisterAsync(channel, options.AdminKey, workload.Province.Facilities, cancellationToken).ConfigureAwait(false);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var gateway = options.GatewayStats is null ? null : new GatewayStatsReader(http, options.GatewayStats, options.AdminKey);
        var gatewayBefore = gateway is null ? null : await gateway.ReadAsync(cancellationToken).ConfigureAwait(false);

        var clock = new StopwatchClock();
        if (warmupCount > 0)
        {
            await progress.WriteLineAsync(string.Create(c, $"warming up for {options.Warmup.TotalSeconds} s…")).ConfigureAwait(false);
            var warmupStatistics = new LoadStatistics();
            var warmupSender = new DossierSender(channel, keys, [.. all.Take(warmupCount)]);
            await DriveAsync(new LoadDriver(clock, warmupSender.SendAsync, warmupStatistics), options, warmupCount, options.Warmup, cancellationToken)
                .ConfigureAwait(false);
            await progress.WriteLineAsync(string.Create(c, $"warm-up: {warmupStatistics.Accepted} accepted, {warmupStatistics.Failed} failed")).ConfigureAwait(false);
        }

        var statistics = new LoadStatistics();
        var sender = new DossierSender(channel, keys, dossiers);
        var driver = new LoadDriver(clock, sender.SendAsync, statistics);
        await progress.WriteLineAsync(string.Create(c, $"driving {options.Mode.ToString().ToLowerInvariant()} loop for {options.Duration.TotalSeconds} s…")).ConfigureAwait(false);
        using var stopProgress = new CancellationTokenSource();
        var progressTask = ProgressReporter.RunAsync(statistics, clock, progress, stopProgress.Token);
        DriveResult drive;
        try
        {
            drive = await DriveAsync(driver, options, planned, options.Duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await progressTask.ConfigureAwait(false);
        }

        ForwardingLag? lag = null;
        if (options.LagSample > 0)
        {
            await progress.WriteLineAsync("measuring forwarding lag…").ConfigureAwait(false);
            var sample = ReportMath.EvenSample(statistics.AcceptedIds, options.LagSample);
            lag = await new LagProbe(channel, keys).MeasureAsync(sample, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
        }

        GatewayCounters? gatewayDelta = null;
        if (gateway is not null && gatewayBefore is not null)
        {
            gatewayDelta = (await gateway.ReadAsync(cancellationToken).ConfigureAwait(false)).Minus(gatewayBefore);
        }

        return new LoadReport
        {
            Mode = options.Mode.ToString().ToLowerInvariant(),
            TargetRate = options.Rate,
            Concurrency = options.Mode == LoadMode.Closed ? options.Concurrency : 0,
            DurationSeconds = options.Duration.TotalSeconds,
            Facilities = options.Facilities,
            Citizens = options.Citizens,
            WarmupSeconds = options.Warmup.TotalSeconds,
            Planned = planned,
            Sent = statistics.Sent,
            Accepted = statistics.Accepted,
            Duplicates = statistics.Duplicates,
            Failed = statistics.Failed,
            ElapsedSeconds = Math.Round(drive.Elapsed.TotalSeconds, 3),
            AcceptedPerSecond = ReportMath.PerSecond(statistics.Accepted, drive.Elapsed),
            DrainTimedOut = drive.DrainTimedOut,
            Latency = statistics.Latency.Summarize(),
            ErrorsByStatus = statistics.Errors,
            ForwardingLag = lag,
            Gateway = gatewayDelta,
        };
    }

    private static int Planned(LoadTestOptions options, TimeSpan duration) =>
        Math.Max(1, (int)Math.Ceiling(options.Rate * duration.TotalSeconds));

    private static Task<DriveResult> DriveAsync(
        LoadDriver driver, LoadTestOptions options, int count, TimeSpan duration, CancellationToken cancellationToken) =>
        options.Mode == LoadMode.Open
            ? driver.RunOpenAsync(count, options.Rate, options.DrainTimeout, cancellationToken)
            : driver.RunClosedAsync(count, options.Concurrency, duration, options.DrainTimeout, cancellationToken);
}
