namespace SoSucKhoe.LoadTest.Drill;

/// <summary>A drill's outcome: the stops, counts by identity per life of the hub, restart and delivery times, and the verdict.</summary>
public sealed record DrillResult
{
    /// <summary>Hub nodes the drill ran.</summary>
    public required int Nodes { get; init; }

    /// <summary>Seconds node 1 took from its first start until it served.</summary>
    public required double FirstStartSeconds { get; init; }

    /// <summary>One row per stop: the dossiers OK'd since the previous restart served, and what the stop did to them.</summary>
    public required IReadOnlyList<DrillKillRow> Kills { get; init; }

    /// <summary>The dossiers OK'd after the last restart served (no stop follows them).</summary>
    public required DrillKillRow AfterLastRestart { get; init; }

    /// <summary>Why the drill fails; empty when it passes.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Where the nodes' output went.</summary>
    public string? HubLog { get; init; }

    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// One stop of a drill. Counts are by dossier identity over the hub's life that ended with this stop: the dossiers OK'd (or, for
/// calls that failed, answered) after the previous restart served and up to this restart serving. The backlog is every OK'd
/// dossier not yet at the gateway at the instant of the signal, whatever life it was OK'd in.
/// </summary>
public sealed record DrillKillRow
{
    /// <summary>1 for the first stop; 0 for the row after the last restart.</summary>
    public required int Number { get; init; }

    public int Node { get; init; } = 1;

    /// <summary>KILL or TERM; empty for the row after the last restart.</summary>
    public string Signal { get; init; } = string.Empty;

    /// <summary>When the signal was sent, in seconds from the start of the measured run.</summary>
    public double? AtSeconds { get; init; }

    /// <summary>True when the gateway was in an outage at the signal.</summary>
    public bool DuringOutage { get; init; }

    public int Okd { get; init; }
    public int Acknowledged { get; init; }
    public int Late { get; init; }
    public int Lost { get; init; }
    public int Duplicated { get; init; }
    public int FailedCalls { get; init; }
    public int FailedYetStored { get; init; }

    /// <summary>OK'd dossiers not at the gateway at the signal.</summary>
    public int BacklogAtKill { get; init; }

    /// <summary>Of those, how many reached the gateway by the end of the drain.</summary>
    public int BacklogDelivered { get; init; }

    /// <summary>
    /// Seconds from the restarted node serving until the last of the backlog reached the gateway; negative when the node delivered it
    /// while it stopped (a SIGTERM), before the restart.
    /// </summary>
    public double? BacklogDeliveredAfterServingSeconds { get; init; }

    /// <summary>The same, counted from when the hub served and the gateway was up again (whichever came later).</summary>
    public double? BacklogDeliveredAfterBothUpSeconds { get; init; }

    /// <summary>Seconds from the signal until no process of the node was left.</summary>
    public double? GoneAfterSeconds { get; init; }

    /// <summary>Seconds from the signal until the restarted node served (what the HIS saw as downtime).</summary>
    public double? ServesAgainAfterSeconds { get; init; }

    /// <summary>Seconds the restarted node took from its start to serving.</summary>
    public double? StartSeconds { get; init; }

    /// <summary>Seconds from the signal until a call sent after the restart was answered OK.</summary>
    public double? FirstOkAfterSeconds { get; init; }

    public bool ForcedAfterTerm { get; init; }

    public string? Problem { get; init; }
}
