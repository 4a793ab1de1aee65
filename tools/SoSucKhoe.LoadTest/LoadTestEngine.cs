using System.Globalization;
using Grpc.Net.Client;
using SoSucKhoe.LoadTest.Ceilings;
using SoSucKhoe.LoadTest.Drill;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Outage;
using SoSucKhoe.LoadTest.Reporting;
using SoSucKhoe.LoadTest.Search;
using SoSucKhoe.LoadTest.Soak;
using SoSucKhoe.LoadTest.Verification;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest;

/// <summary>
/// One load run end to end: synthetic province, facility registration and keys, pre-signed dossiers, the drive (open or closed
/// loop, or the max profile's steps), per-second series, hub memory, gateway outage and drain, forwarding lag and gateway
/// counters, the ceilings, and the report; with <c>--latency-log</c>, one CSV line per request, written once the load is over.
/// After the load every dossier is checked by identity (<see cref="DossierVerifier"/>). As a drill (<see cref="LoadTestOptions.Drill"/>)
/// it first starts the hub's nodes itself, stops and restarts them at the planned moments while the load runs, and ends them after.
/// Every phase is bounded by the duration, the drain timeout and the delivery deadline.
/// </summary>
public static class LoadTestEngine
{
    /// <summary>
    /// By default (<c>--presign</c>), runs with more dossiers than this sign them in the background, a window ahead, instead of all
    /// up front.
    /// </summary>
    public const int StreamingThreshold = 20_000;

    public static async Task<LoadReport> RunAsync(LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        if (!LoopbackGuard.IsLoopback(options.GrpcAddress) || (options.GatewayStats is { } s && !LoopbackGuard.IsLoopback(s)))
        {
            throw new UsageException("only loopback hosts are allowed");
        }

        // The monitor, the outage, the drill's stops and the verification all report progress from their own tasks.
        progress = TextWriter.Synchronized(progress);
        var c = CultureInfo.InvariantCulture;
        await using var conductor = options.Drill is { } drill ? CreateConductor(options, drill, progress) : null;
        if (conductor is not null)
        {
            await progress.WriteLineAsync(string.Create(c, $"drill: starting {options.Drill!.HubCommands.Count} hub node(s), output to {Path.GetFullPath(HubLogPath(options))}…"))
                .ConfigureAwait(false);
            await conductor.StartAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var adminKey = ResolveKey(options.AdminKey, options.AdminKeyFile, "--admin-key-file");
        var gatewayKey = options.GatewayKey ?? (options.GatewayKeyFile is { } gatewayKeyFile ? ResolveKey(string.Empty, gatewayKeyFile, "--gateway-key-file") : adminKey);
        var planned = options.StepSearch ? 0 : Planned(options.Rate, options.Duration);
        var warmupRate = options.StepSearch ? options.StartRate : options.Rate;
        var warmupCount = options.Warmup > TimeSpan.Zero ? Planned(warmupRate, options.Warmup) : 0;
        var workload = new WorkloadGenerator(options.Seed, options.Facilities, options.Citizens, options.CheckInShare, options.SizeMix, options.CitizenOrder);

        var channelOptions = new GrpcChannelOptions
        {
            MaxSendMessageSize = 64 * 1024 * 1024,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false },
        };
        if (conductor is not null)
        {
            // After a restart the HIS side must see the hub again at once, not after the channel's default back-off (up to 2 minutes).
            channelOptions.InitialReconnectBackoff = TimeSpan.FromMilliseconds(100);
            channelOptions.MaxReconnectBackoff = TimeSpan.FromSeconds(1);
        }

        using var channel = GrpcChannel.ForAddress(options.GrpcAddress, channelOptions);
        await progress.WriteLineAsync(string.Create(c, $"registering {options.Facilities} facilities, readying them and issuing keys…")).ConfigureAwait(false);
        var keys = await HubSetup.RegisterAsync(channel, adminKey, workload.Facilities, cancellationToken).ConfigureAwait(false);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var gateway = options.GatewayStats is null ? null : new GatewayStatsReader(http, options.GatewayStats, gatewayKey);
        var gatewayBefore = gateway is null ? null : await gateway.ReadAsync(cancellationToken).ConfigureAwait(false);

        var clock = new StopwatchClock();
        // Every request is kept (with its dossier's identity) for the verification; the file is written only with --latency-log.
        var latencyLog = options.LatencyLog is null ? new LatencyLog(clock) : StartLatencyLog(options.LatencyLog, clock);
        var warmupStatistics = new LoadStatistics();
        if (warmupCount > 0)
        {
            await progress.WriteLineAsync(string.Create(c, $"signing {warmupCount} warm-up dossiers, then warming up for {options.Warmup.TotalSeconds} s…")).ConfigureAwait(false);
            var warmupSender = new DossierSender(channel, keys, workload.Generate(warmupCount));
            var warmupDriver = new LoadDriver(clock, warmupSender.SendAsync, warmupStatistics, latencyLog.BeginPhase("warmup", warmupCount));
            _ = options.Mode == LoadMode.Open || options.StepSearch
                ? await warmupDriver.RunOpenAsync(warmupCount, warmupRate, options.DrainTimeout, cancellationToken).ConfigureAwait(false)
                : await warmupDriver.RunClosedAsync(warmupCount, options.Concurrency, options.Warmup, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(string.Create(c, $"warm-up: {warmupStatistics.Accepted} accepted, {warmupStatistics.Failed} failed")).ConfigureAwait(false);
        }

        var series = new IntervalSeries();
        LoadStatistics? current = null;
        long previousNew = warmupStatistics.Accepted - warmupStatistics.Duplicates;
        var monitor = new RunMonitor(series, clock, progress, gateway, gatewayBefore?.Dossiers ?? 0,
            () => previousNew + (current is { } st ? st.Accepted - st.Duplicates : 0), () => current, options.HubPid, options.SampleInterval);
        using var stopMonitor = new CancellationTokenSource();

        LoadStatistics statistics;
        DriveResult drive;
        List<StepResult>? steps = null;
        long stalls = 0;
        var faults = options.OutageAt is not null && options.GatewayStats is not null
            ? new EmulatorFaults(http, EmulatorFaults.BesideStats(options.GatewayStats), gatewayKey)
            : null;
        Task monitorTask;
        Disruption? outageWindow = null;
        var runStart = TimeSpan.Zero;
        if (options.StepSearch)
        {
            (statistics, drive, steps, monitorTask) = await RunStepsAsync(options, workload, channel, keys, clock, series, monitor, progress, latencyLog,
                st => { if (current is not null) { previousNew += current.Accepted - current.Duplicates; } current = st; }, warmupCount, stopMonitor.Token, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            IDossierSource source;
            if (planned <= options.PresignLimit)
            {
                await progress.WriteLineAsync(string.Create(c, $"signing {planned} dossiers…")).ConfigureAwait(false);
                source = new PreparedDossierSource(workload.Generate(planned, warmupCount));
            }
            else
            {
                var window = (int)Math.Clamp(options.Rate * 60, 2_000, StreamingThreshold);
                await progress.WriteLineAsync(string.Create(c, $"signing {planned} dossiers in the background, {window} ahead…")).ConfigureAwait(false);
                var streaming = new StreamingDossierSource(i => workload.Create(warmupCount + i), planned, window, Math.Max(1, Environment.ProcessorCount));
                await streaming.WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
                source = streaming;
            }

            try
            {
                statistics = new LoadStatistics(series);
                current = statistics;
                var driver = new LoadDriver(clock, new DossierSender(channel, keys, source).SendAsync, statistics, latencyLog.BeginPhase("run", planned));
                await progress.WriteLineAsync(string.Create(c, $"driving {options.Mode.ToString().ToLowerInvariant()} loop for {options.Duration.TotalSeconds} s…")).ConfigureAwait(false);
                monitorTask = monitor.RunAsync(stopMonitor.Token);
                runStart = clock.Elapsed;
                var outage = faults is null
                    ? Task.FromResult<Disruption?>(null)
                    : ScheduleOutageAsync(faults, clock, runStart, options.OutageAt!.Value, options.OutageFor, progress, cancellationToken);
                var stops = conductor is null ? Task.CompletedTask : conductor.RunAsync(clock, runStart, cancellationToken);
                drive = options.Mode == LoadMode.Open
                    ? await driver.RunOpenAsync(planned, options.Rate, options.DrainTimeout, cancellationToken).ConfigureAwait(false)
                    : await driver.RunClosedAsync(planned, options.Concurrency, options.Duration, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
                outageWindow = await outage.ConfigureAwait(false);
                await stops.ConfigureAwait(false);
                stalls = source.Stalls;
            }
            finally
            {
                if (source is StreamingDossierSource streaming)
                {
                    await streaming.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        IReadOnlyList<Disruption> Disruptions() =>
            [.. outageWindow is null ? [] : new[] { outageWindow }, .. conductor?.Downtimes() ?? []];

        // The drain: every OK'd dossier checked by identity until all are acknowledged or the delivery deadline passes.
        VerificationResult? verification = null;
        IReadOnlyList<SentRequest>? requests = null;
        if (options.Verify)
        {
            requests = latencyLog.Requests();
            var record = options.GatewayStats is null ? null : new EmulatorRecord(http, EmulatorRecord.BesideStats(options.GatewayStats), gatewayKey);
            verification = await new DossierVerifier(channel, keys, record, gatewayBefore?.Received ?? 0, progress)
                .RunAsync(requests, Disruptions, conductor?.Kills.Select(static k => k.GoneAt ?? k.KilledAt).ToList() ?? [], options.LateAfter,
                    options.DeliveryDeadline, cancellationToken).ConfigureAwait(false);
        }

        if (gateway is not null)
        {
            // Let the per-second polls see the gateway's count caught up (bounded by the drain timeout): the outage report reads its
            // drain from them, and without the verification this is the only wait for forwarding.
            var deadline = clock.Elapsed + options.DrainTimeout;
            while (clock.Elapsed < deadline && !cancellationToken.IsCancellationRequested
                   && (monitor.LastPoint is not { } last || last.Backlog > 0 || last.AtSeconds < monitor.Now - 1.5))
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }

        await stopMonitor.CancelAsync().ConfigureAwait(false);
        await monitorTask.ConfigureAwait(false);
        if (options.LatencyLog is not null)
        {
            latencyLog.WriteFile(options.LatencyLog);
            await progress.WriteLineAsync(string.Create(c, $"latency log: {latencyLog.Count} requests written to {Path.GetFullPath(options.LatencyLog!)}")).ConfigureAwait(false);
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

        OutageResult? outageResult = null;
        if (options.OutageAt is { } outageAt)
        {
            outageResult = OutageDrain.Compute(monitor.Points, outageAt.TotalSeconds, options.OutageFor.TotalSeconds, options.Rate) with
            {
                // By identity only: a flat gateway count cannot tell a late dossier from a lost one (null without the verification).
                Lost = verification?.Lost.Count,
                DeadLettered = await DeadLetterCounter.CountAsync(channel, adminKey, keys.Keys, cancellationToken).ConfigureAwait(false),
                GatewayRejected = gatewayDelta?.Rejected,
            };
        }

        var achieved = steps is null ? ReportMath.PerSecond(statistics.Accepted, drive.Elapsed) : MaxSearch.Best(steps);
        CeilingResult? ceilings = null;
        if (options.CeilingDuration > TimeSpan.Zero)
        {
            await progress.WriteLineAsync(string.Create(c, $"measuring ceilings ({options.CeilingDuration.TotalSeconds} s CPU, {options.CeilingDuration.TotalSeconds} s storage)…")).ConfigureAwait(false);
            ceilings = MeasureCeilings(options, workload, warmupCount) with { Achieved = achieved };
        }

        DrillResult? drillResult = null;
        if (conductor is not null && verification is not null && requests is not null)
        {
            drillResult = DrillReport.Build(conductor.Kills, requests, verification, outageWindow is null ? [] : [outageWindow], latencyLog.At(runStart),
                options.Drill!.HubCommands.Count, conductor.FirstStartSeconds, options.Drill.StrictDuplicates) with
            {
                HubLog = Path.GetFullPath(HubLogPath(options)),
            };
        }

        var memory = monitor.Memory;
        return new LoadReport
        {
            Mode = options.StepSearch ? "max (open-loop steps)" : options.Mode.ToString().ToLowerInvariant(),
            Profile = options.Profile,
            TargetRate = options.StepSearch ? steps!.LastOrDefault()?.OfferedRate ?? options.StartRate : options.Rate,
            Concurrency = options.Mode == LoadMode.Closed ? options.Concurrency : 0,
            DurationSeconds = options.StepSearch ? (steps!.Count * options.StepDuration.TotalSeconds) : options.Duration.TotalSeconds,
            Facilities = options.Facilities,
            Citizens = options.Citizens,
            WarmupSeconds = options.Warmup.TotalSeconds,
            CheckInShare = options.CheckInShare,
            SizeMix = options.SizeMix?.ToString(),
            CitizenOrder = options.CitizenOrder.ToString().ToLowerInvariant(),
            Planned = steps is null ? planned : (int)steps.Sum(static st => st.Sent),
            Sent = steps is null ? statistics.Sent : steps.Sum(static st => st.Sent),
            Accepted = steps is null ? statistics.Accepted : steps.Sum(static st => st.Accepted),
            Duplicates = statistics.Duplicates,
            Failed = steps is null ? statistics.Failed : steps.Sum(static st => st.Failed),
            ElapsedSeconds = Math.Round(drive.Elapsed.TotalSeconds, 3),
            AcceptedPerSecond = ReportMath.PerSecond(statistics.Accepted, drive.Elapsed),
            DrainTimedOut = drive.DrainTimedOut,
            SigningStalls = stalls,
            Latency = statistics.Latency.Summarize(),
            ErrorsByStatus = statistics.Errors,
            ForwardingLag = lag,
            Gateway = gatewayDelta,
            Steps = steps,
            BestRate = steps is null ? null : MaxSearch.Best(steps),
            P99LimitMs = options.P99Limit.TotalMilliseconds,
            Series = series.Samples,
            Memory = memory.Count == 0 ? null : memory,
            MemoryTrend = memory.Count == 0 ? null : MemoryTrend.Of(memory),
            Outage = outageResult,
            Ceilings = ceilings,
            LatencyLog = options.LatencyLog,
            LatencyLogRequests = options.LatencyLog is null ? null : latencyLog.Count,
            Verification = verification,
            Drill = drillResult,
        };
    }

    /// <summary>Where a drill's nodes write their output.</summary>
    public static string HubLogPath(LoadTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Drill?.HubLog
               ?? (options.ReportDirectory is { } directory
                   ? Path.Combine(directory, "hub.log")
                   : Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"sosuckhoe-drill-{Environment.ProcessId}.log")));
    }

    private static DrillConductor CreateConductor(LoadTestOptions options, DrillOptions drill, TextWriter progress)
    {
        var log = HubLogPath(options);
        if (Path.GetDirectoryName(Path.GetFullPath(log)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var nodes = drill.HubCommands.Select((command, i) => new HubNode(i + 1, command, drill.WorkingDirectory, log)).ToList();
        var probes = drill.HubCommands.Select((_, i) => drill.ReadyAddresses.ElementAtOrDefault(i) is { } ready
            ? ReadinessProbe.Http(ready)
            : ReadinessProbe.Grpc(options.GrpcAddress)).ToList();
        return new DrillConductor(drill, nodes, probes, progress);
    }

    /// <summary>The key given, or the one in <paramref name="file"/> (read now: a hub writes its admin key at its first start).</summary>
    private static string ResolveKey(string key, string? file, string option)
    {
        if (file is null)
        {
            return key;
        }

        try
        {
            var text = File.ReadAllText(file).Trim();
            return text.Length > 0 ? text : throw new UsageException($"{option}: '{file}' is empty");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot read '{file}': {exception.Message}");
        }
    }

    /// <summary>Creates the log at the clock's present time (time 0 of its lines), and its file at once so that a bad path fails before the run.</summary>
    private static LatencyLog StartLatencyLog(string path, LoadClock clock)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, string.Empty);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--latency-log: cannot write '{path}': {exception.Message}");
        }

        return new LatencyLog(clock);
    }

    private static async Task<(LoadStatistics Last, DriveResult Drive, List<StepResult> Steps, Task Monitor)> RunStepsAsync(
        LoadTestOptions options, WorkloadGenerator workload, GrpcChannel channel, IReadOnlyDictionary<string, string> keys, LoadClock clock,
        IntervalSeries series, RunMonitor monitor, TextWriter progress, LatencyLog latencyLog, Action<LoadStatistics> onStep, int firstIndex, CancellationToken stopMonitor,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var steps = new List<StepResult>();
        var next = firstIndex;
        Task? monitorTask = null;
        LoadStatistics statistics;
        DriveResult drive;
        var step = 0;
        while (true)
        {
            var rate = MaxSearch.RateOf(step, options.StartRate, options.RateStep);
            var count = Planned(rate, options.StepDuration);
            await progress.WriteLineAsync(string.Create(c, $"step {step}: signing {count} dossiers for {rate}/s…")).ConfigureAwait(false);
            var dossiers = workload.Generate(count, next);
            next += count;
            statistics = new LoadStatistics(series);
            onStep(statistics);
            monitorTask ??= monitor.RunAsync(stopMonitor);
            var driver = new LoadDriver(
                clock, new DossierSender(channel, keys, dossiers).SendAsync, statistics, latencyLog.BeginPhase(string.Create(c, $"step{step}"), count));
            drive = await driver.RunOpenAsync(count, rate, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
            var accepted = ReportMath.PerSecond(statistics.Accepted, drive.Elapsed);
            var latency = statistics.Latency.Summarize();
            var result = new StepResult(step, rate, statistics.Sent, statistics.Accepted, statistics.Failed, accepted, latency,
                MaxSearch.Judge(rate, statistics.Failed, accepted, latency, options.P99Limit));
            steps.Add(result);
            await progress.WriteLineAsync(string.Create(c,
                $"step {step}: {rate}/s offered, {accepted}/s accepted, p99 {latency.P99Ms} ms, {statistics.Failed} failed: {result.Failure ?? "pass"}")).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested || !MaxSearch.Continues(result, options.RateStep, options.MaxRate))
            {
                return (statistics, drive, steps, monitorTask);
            }

            step++;
        }
    }

    /// <summary>Starts the outage at its time and returns the window in which the gateway refused (from before the request to after it plus the length).</summary>
    private static async Task<Disruption?> ScheduleOutageAsync(EmulatorFaults faults, LoadClock clock, TimeSpan runStart, TimeSpan at, TimeSpan length, TextWriter progress,
        CancellationToken cancellationToken)
    {
        await clock.WaitUntilAsync(runStart + at, cancellationToken).ConfigureAwait(false);
        var from = DateTimeOffset.UtcNow;
        await faults.StartOutageAsync(length, cancellationToken).ConfigureAwait(false);
        var to = DateTimeOffset.UtcNow + length;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"gateway outage started for {length.TotalSeconds} s")).ConfigureAwait(false);
        return new Disruption(from, to, Disruption.GatewayOutage);
    }

    private static CeilingResult MeasureCeilings(LoadTestOptions options, WorkloadGenerator workload, int firstIndex)
    {
        // The CPU probe runs over a sample of the same mix the run sent (new indices: the same kind of dossiers, signed now).
        var documents = workload.Generate(200, firstIndex + 10_000_000).Select(static d => d.Document).ToList();
        var cpu = CpuCeilingProbe.Measure(documents, options.CatalogueDirectory, options.CeilingDuration);
        var directory = options.CeilingDirectory ?? Path.GetTempPath();
        var half = options.CeilingDuration / 2;
        var single = StorageCeilingProbe.Measure(directory, 1, half);
        const int batch = 32;
        var batched = StorageCeilingProbe.Measure(directory, batch, half);
        var cpuMs = CeilingMath.MsPer(cpu.Cpu, cpu.Count);
        return new CeilingResult
        {
            Cores = Environment.ProcessorCount,
            CpuDossiers = cpu.Count,
            CpuMsPerDossier = cpuMs,
            WallMsPerDossier = CeilingMath.MsPer(cpu.Wall, cpu.Count),
            Validated = cpu.Validated,
            ProblemDossiers = cpu.Problems,
            CpuCeilingPerSecond = CeilingMath.CpuCeiling(Environment.ProcessorCount, cpuMs),
            CommitsPerSecondSingleRow = single.CommitsPerSecond,
            BatchRows = batch,
            RowsPerSecondBatched = batched.RowsPerSecond,
            WritesPerDossier = WritesPerDossier,
            StorageCeilingPerSecond = CeilingMath.StorageCeiling(batched.RowsPerSecond, WritesPerDossier),
        };
    }

    /// <summary>Grain-state writes per accepted dossier measured in round 1 (docs/benchmarks.md).</summary>
    public const double WritesPerDossier = 5.1;

    private static int Planned(double rate, TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(rate * duration.TotalSeconds));
}
