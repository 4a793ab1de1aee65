namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// One request as the latency log keeps it until the end of the run: times as ticks of the run's clock, the facility and the
/// status as ids of the log's name tables, and no object references at all, so the garbage collector never scans the log.
/// </summary>
/// <param name="Index">The request's index within its phase (its place in the open-loop schedule).</param>
/// <param name="ScheduledTicks">When it was due (open loop), or <see cref="NotScheduled"/> (closed loop).</param>
/// <param name="SentTicks">When the driver started it.</param>
/// <param name="CompletedTicks">When its answer (or its failure) came back.</param>
/// <param name="CheckInTicks">How long its Intake.CheckIn took, or <see cref="NoCheckIn"/>.</param>
/// <param name="DossierBytes">The signed dossier's size in bytes.</param>
/// <param name="Facility">Id of the facility code, or -1 when unknown.</param>
/// <param name="Status">Id of the status name.</param>
public readonly record struct LatencyRecord(
    int Index, long ScheduledTicks, long SentTicks, long CompletedTicks, long CheckInTicks, int DossierBytes, short Facility, short Status)
{
    /// <summary><see cref="ScheduledTicks"/> of a closed-loop request, which has no schedule.</summary>
    public const long NotScheduled = long.MinValue;

    /// <summary><see cref="CheckInTicks"/> of a request without a check-in.</summary>
    public const long NoCheckIn = -1;
}
