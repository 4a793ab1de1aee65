namespace SoSucKhoe.Forwarding;

/// <summary>
/// The interop grain of one facility (keyed by MA_CSKCB): an implicit subscriber of the facility's forwarding stream that calls
/// the national gateway through the resilient gateway client and reports every outcome back to the patient grain that owns the
/// outbox entry.
/// </summary>
public interface IForwarderGrain : IGrainWithStringKey
{
    /// <summary>Counters since activation, for monitoring and tests.</summary>
    Task<ForwarderStats> GetStats();
}

/// <summary>Counters of one forwarder activation.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ForwarderStats")]
public sealed record ForwarderStats(
    [property: Id(0)] long Received,
    [property: Id(1)] long Acknowledged,
    [property: Id(2)] long Rejected,
    [property: Id(3)] long TransientFailures,
    [property: Id(4)] int InFlight);
