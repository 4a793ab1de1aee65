namespace SoSucKhoe.LoadTest.Outage;

/// <summary>
/// A gateway outage and its drain. <see cref="DrainRate"/> is dossiers acknowledged per second at the gateway from the end of the
/// outage until the backlog was gone (arrivals during the drain included); <see cref="NetDrainRate"/> is the backlog at the
/// end of the outage over the same time. The target: <see cref="Ratio"/> (drain ÷ arrival) ≥ 5, nothing lost or dead-lettered.
/// </summary>
public sealed record OutageResult
{
    public required double OutageAtSeconds { get; init; }
    public required double OutageForSeconds { get; init; }
    public required double ArrivalRate { get; init; }
    public required long BacklogAtEnd { get; init; }
    public required long PeakBacklog { get; init; }
    public required bool CaughtUp { get; init; }
    public double? SecondsToFirstAcknowledgement { get; init; }
    public double? SecondsToCatchUp { get; init; }
    public double? DrainRate { get; init; }
    public double? NetDrainRate { get; init; }
    public double? Ratio { get; init; }
    public long? Lost { get; init; }
    public long? DeadLettered { get; init; }
    public long? GatewayRejected { get; init; }

    /// <summary>The target: caught up, drain ≥ 5 × arrival, nothing lost, nothing dead-lettered.</summary>
    public bool MeetsTarget => CaughtUp && Ratio >= 5 && Lost == 0 && DeadLettered is null or 0;
}
