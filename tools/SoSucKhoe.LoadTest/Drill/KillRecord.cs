namespace SoSucKhoe.LoadTest.Drill;

/// <summary>What happened at one planned stop: when the node was signalled, when its group was gone, restarted and serving again.</summary>
public sealed record KillRecord
{
    /// <summary>1 for the first stop of the drill.</summary>
    public required int Number { get; init; }

    public required KillEvent Event { get; init; }

    /// <summary>When the signal was sent.</summary>
    public required DateTimeOffset KilledAt { get; init; }

    /// <summary>When no process of the node's group was left.</summary>
    public DateTimeOffset? GoneAt { get; init; }

    /// <summary>True when a SIGTERM'd node did not exit within the stop timeout and was SIGKILLed.</summary>
    public bool ForcedAfterTerm { get; init; }

    /// <summary>When the node's command was started again.</summary>
    public DateTimeOffset? RestartedAt { get; init; }

    /// <summary>When the restarted node answered ready.</summary>
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>What went wrong with the stop or the restart, if anything.</summary>
    public string? Problem { get; init; }
}
