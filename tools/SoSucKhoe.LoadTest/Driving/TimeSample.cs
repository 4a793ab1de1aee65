namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// One interval of a run (normally one second): calls completed in it, accepted and failed, and the latency of those calls.
/// <see cref="AtSeconds"/> is the end of the interval from the start of the run. <see cref="GatewayAcknowledged"/> is the
/// number of dossiers the gateway emulator acknowledged in the interval, when it was polled.
/// </summary>
public sealed record TimeSample(double AtSeconds, double LengthSeconds, long Accepted, long Failed, double P50Ms, double P99Ms, double MaxMs)
{
    public long? GatewayAcknowledged { get; init; }

    /// <summary>Accepted per second over the interval.</summary>
    public double AcceptedPerSecond => LengthSeconds <= 0 ? 0 : Accepted / LengthSeconds;
}
