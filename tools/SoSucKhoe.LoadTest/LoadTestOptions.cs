namespace SoSucKhoe.LoadTest;

/// <summary>Everything one load run needs (see <see cref="ArgumentParser"/> for the command line).</summary>
public sealed record LoadTestOptions
{
    /// <summary>The hub's gRPC address (loopback only).</summary>
    public required Uri GrpcAddress { get; init; }

    /// <summary>An admin key of the hub, used to register facilities and issue their keys.</summary>
    public required string AdminKey { get; init; }

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

    /// <summary>Seed of the synthetic province and dossiers.</summary>
    public int Seed { get; init; } = 6;

    /// <summary>The <c>--profile</c> whose defaults filled the options left out, or null.</summary>
    public string? Profile { get; init; }

    /// <summary>The number of dossiers to pre-generate: rate × duration, at least one.</summary>
    public int DossierCount => Math.Max(1, (int)Math.Ceiling(Rate * Duration.TotalSeconds));
}
