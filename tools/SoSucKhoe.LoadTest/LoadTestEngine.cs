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
        var planned = options.Mode == LoadMode.Open ? OpenLoopSchedule.Count(options.Rate, options.Duration) : options.DossierCount;
        await progress.WriteLineAsync(string.Create(c, $"generating {options.Facilities} facilities, {options.Citizens} citizens, {planned} signed dossiers…")).ConfigureAwait(false);
        var workload = new WorkloadGenerator(options.Seed, options.Facilities, options.Citizens);
        var dossiers = workload.Generate(planned);

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

        var statistics = new LoadStatistics();
        var clock = new StopwatchClock();
        var sender = new DossierSender(channel, keys, dossiers);
        var driver = new LoadDriver(clock, sender.SendAsync, statistics);
        await progress.WriteLineAsync(string.Create(c, $"driving {options.Mode.ToString().ToLowerInvariant()} loop for {options.Duration.TotalSeconds} s…")).ConfigureAwait(false);
        using var stopProgress = new CancellationTokenSource();
        var progressTask = ProgressReporter.RunAsync(statistics, clock, progress, stopProgress.Token);
        DriveResult drive;
        try
        {
            drive = options.Mode == LoadMode.Open
                ? await driver.RunOpenAsync(planned, options.Rate, options.DrainTimeout, cancellationToken).ConfigureAwait(false)
                : await driver.RunClosedAsync(planned, options.Concurrency, options.Duration, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
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
}
