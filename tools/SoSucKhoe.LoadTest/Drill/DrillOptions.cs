namespace SoSucKhoe.LoadTest.Drill;

/// <summary>
/// How a drill runs the hub (the <c>drill</c> subcommand): the command of each node, how to tell that a node serves, when to stop
/// which node and how, and how long to wait.
/// </summary>
public sealed record DrillOptions
{
    /// <summary>One shell command per node (<c>--hub-command</c>, repeatable), run with <c>/bin/sh -c</c> in its own process group.</summary>
    public required IReadOnlyList<string> HubCommands { get; init; }

    /// <summary>
    /// Per node, where readiness is asked (<c>--hub-ready</c>, repeatable, in node order): an http(s) URL that answers 200 when ready
    /// (the hub's <c>/healthz/ready</c>), or null for the first node: the gRPC health service of <c>--grpc</c> for
    /// <c>sosuckhoe.v1.Intake</c>.
    /// </summary>
    public IReadOnlyList<Uri?> ReadyAddresses { get; init; } = [];

    /// <summary>The planned stops, in time order.</summary>
    public required IReadOnlyList<KillEvent> Kills { get; init; }

    /// <summary>How long a stopped node stays down before it is started again on the same data.</summary>
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node may take from its start to readiness.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a SIGTERM'd node may take to exit before it is SIGKILLed: longer than the host's own shutdown timeout (30 s), so that
    /// a slow graceful stop shows as such.
    /// </summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Where the commands run (null: the tool's working directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Where the nodes' output goes (null: <c>hub.log</c> in the report folder, or the temp folder).</summary>
    public string? HubLog { get; init; }

    /// <summary>Fail on duplicates across a restart too (by default only duplicates within one life of the hub fail the drill).</summary>
    public bool StrictDuplicates { get; init; }
}
