using System.Runtime.InteropServices;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// One request as the latency log keeps it until the end of the run: times as ticks of the run's clock, the facility and the
/// status as ids of the log's name tables, the dossier's identity (MA_LK as a place in the log's text arena, the version answered,
/// SHA-256 of the bytes sent inline), and no object references at all, so the garbage collector never scans the log.
/// </summary>
/// <param name="Index">The request's index within its phase (its place in the open-loop schedule).</param>
/// <param name="ScheduledTicks">When it was due (open loop), or <see cref="NotScheduled"/> (closed loop).</param>
/// <param name="SentTicks">When the driver started it.</param>
/// <param name="CompletedTicks">When its answer (or its failure) came back.</param>
/// <param name="CheckInTicks">How long its Intake.CheckIn took, or <see cref="NoCheckIn"/>.</param>
/// <param name="DossierBytes">The signed dossier's size in bytes.</param>
/// <param name="Facility">Id of the facility code, or -1 when unknown.</param>
/// <param name="Status">Id of the status name.</param>
/// <param name="Sha256">SHA-256 of the bytes sent, or <see cref="ContentHash.None"/>.</param>
/// <param name="Version">The version the hub answered, 0 when the call failed.</param>
/// <param name="MaLkAt">Where MA_LK is in the log's text arena, or -1 when unknown.</param>
/// <param name="MaLkLength">MA_LK's length in UTF-8 bytes.</param>
[StructLayout(LayoutKind.Auto)] // Lets the runtime pack the shorts beside the ints: 88 bytes a request instead of 96.
public readonly record struct LatencyRecord(
    int Index, long ScheduledTicks, long SentTicks, long CompletedTicks, long CheckInTicks, int DossierBytes, short Facility, short Status,
    ContentHash Sha256, int Version, int MaLkAt, short MaLkLength)
{
    /// <summary><see cref="ScheduledTicks"/> of a closed-loop request, which has no schedule.</summary>
    public const long NotScheduled = long.MinValue;

    /// <summary><see cref="CheckInTicks"/> of a request without a check-in.</summary>
    public const long NoCheckIn = -1;
}
