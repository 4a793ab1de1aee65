using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.LoadTest;

/// <summary>Everything one load run needs (see <see cref="ArgumentParser"/> for the command line).</summary>
public sealed record LoadTestOptions
{
    /// <summary>The hub's gRPC address (loopback only).</summary>
    public required Uri GrpcAddress { get; init; }

    /// <summary>An admin key of the hub, used to register facilities and issue their keys (empty when <see cref="AdminKeyFile"/> names it).</summary>
    public required string AdminKey { get; init; }

    /// <summary>
    /// A file holding the admin key (<c>--admin-key-file</c>), read when the run starts (in a drill, once the hub has started, since
    /// a hub on a new data folder writes its key there at its first start); null to use <see cref="AdminKey"/>.
    /// </summary>
    public string? AdminKeyFile { get; init; }

    /// <summary>
    /// The key of the gateway emulator's control endpoints (<c>--gateway-key</c>): a standalone emulator's own key. Null: the hub's
    /// admin key, which the emulator hosted inside the hub takes.
    /// </summary>
    public string? GatewayKey { get; init; }

    /// <summary>A file holding <see cref="GatewayKey"/> (<c>--gateway-key-file</c>, e.g. the standalone emulator's key file).</summary>
    public string? GatewayKeyFile { get; init; }

    /// <summary>
    /// Whether every dossier is checked by identity after the run (<c>--verify on|off</c>): against the hub
    /// (<c>GetDossierStatus</c>) and, with <see cref="GatewayStats"/>, the emulator's record of what it received.
    /// </summary>
    public bool Verify { get; init; } = true;

    /// <summary>How long after the load the verification waits for every OK'd dossier to be acknowledged; what is not by then is lost.</summary>
    public TimeSpan DeliveryDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A dossier kept waiting longer than this by the forwarding (outages and downtime taken out) is late.</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The drill (the <c>drill</c> subcommand): the hub's nodes, the stops and the restarts; null for a plain load run.</summary>
    public Drill.DrillOptions? Drill { get; init; }

    public int Facilities { get; init; } = 20;

    public int Citizens { get; init; } = 5000;

    /// <summary>Dossiers per second (open loop); in closed loop it sizes the pre-generated pool (rate × duration).</summary>
    public double Rate { get; init; } = 100;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public LoadMode Mode { get; init; } = LoadMode.Open;

    /// <summary>Workers in closed loop.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>A warm-up at the same pace before the measured run (its results are not reported); zero for none.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>How long in-flight calls, and then the forwarding-lag sample, may take after the duration.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The gateway emulator's stats endpoint (loopback only), or null.</summary>
    public Uri? GatewayStats { get; init; }

    /// <summary>Where report.md and report.json go, or null for no files.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>How many accepted dossiers are polled with GetDossierStatus to measure forwarding lag.</summary>
    public int LagSample { get; init; } = 200;

    /// <summary>
    /// Runs of up to this many dossiers are all signed before the clock starts (<c>--presign</c>); longer runs sign in the
    /// background, a window ahead, on the tool's cores (which the hub shares when both run on one machine).
    /// </summary>
    public int PresignLimit { get; init; } = LoadTestEngine.StreamingThreshold;

    /// <summary>Seed of the synthetic province and dossiers.</summary>
    public int Seed { get; init; } = 6;

    /// <summary>The <c>--profile</c> whose defaults filled the options left out, or null.</summary>
    public string? Profile { get; init; }

    /// <summary>Share of visits in [0, 1] that start with Intake.CheckIn (with the signed XML0) before their dossier.</summary>
    public double CheckInShare { get; init; }

    /// <summary>Dossier size classes (<c>--size-mix</c>), or null for the visit-type mix with plausible sizes.</summary>
    public Workload.SizeMix? SizeMix { get; init; }

    /// <summary>How dossiers pick their citizens (<c>--citizen-order random|distinct</c>).</summary>
    public Workload.CitizenOrder CitizenOrder { get; init; }

    /// <summary>max profile: the first step's rate.</summary>
    public double StartRate { get; init; } = 50;

    /// <summary>max profile: the rate added per step.</summary>
    public double RateStep { get; init; } = 50;

    /// <summary>max profile: how long each step offers its rate.</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>max profile: the highest rate tried.</summary>
    public double MaxRate { get; init; } = 5000;

    /// <summary>max profile: a step passes while its p99 stays below this.</summary>
    public TimeSpan P99Limit { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The hub's process id: its VmRSS is sampled every <see cref="SampleInterval"/>; null for none.</summary>
    public int? HubPid { get; init; }

    /// <summary>How often the hub's memory is sampled.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>When the gateway outage starts, from the start of the measured run; null for none.</summary>
    public TimeSpan? OutageAt { get; init; }

    /// <summary>How long the gateway outage lasts.</summary>
    public TimeSpan OutageFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long each ceiling probe runs after the load (zero: no ceilings).</summary>
    public TimeSpan CeilingDuration { get; init; } = TimeSpan.Zero;

    /// <summary>The catalogue folder (field rules, ICD-10) for the CPU ceiling's validator: the shipped copy unless given.</summary>
    public string CatalogueDirectory { get; init; } = CatalogueFiles.ShippedDirectory;

    /// <summary>Where the storage ceiling's SQLite file goes (put it on the hub's disk); null for the temp folder.</summary>
    public string? CeilingDirectory { get; init; }

    /// <summary>
    /// Where the per-request latency log (CSV) goes, or null for none: one line per request of the warm-up and the run (or the
    /// steps), kept in memory during the run and written after it.
    /// </summary>
    public string? LatencyLog { get; init; }

    /// <summary>True for the max profile's step search.</summary>
    public bool StepSearch => Profile == "max";

    /// <summary>The number of dossiers to pre-generate: rate × duration, at least one.</summary>
    public int DossierCount => Math.Max(1, (int)Math.Ceiling(Rate * Duration.TotalSeconds));
}
