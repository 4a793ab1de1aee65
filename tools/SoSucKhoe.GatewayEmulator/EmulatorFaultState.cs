namespace SoSucKhoe.GatewayEmulator;

/// <summary>The faults in force, as the control endpoint reports them.</summary>
/// <param name="LatencyMs">Fixed latency, in milliseconds.</param>
/// <param name="JitterMs">Random extra latency bound, in milliseconds.</param>
/// <param name="ErrorRate">Share of requests answered HTTP 500.</param>
/// <param name="RejectRate">Share of valid documents refused with a business code.</param>
/// <param name="FailNext">How many of the next requests will be answered HTTP 500.</param>
/// <param name="OutageUntil">The end of the current outage, if one is in force.</param>
public sealed record EmulatorFaultState(
    double LatencyMs,
    double JitterMs,
    double ErrorRate,
    double RejectRate,
    int FailNext,
    DateTimeOffset? OutageUntil);
