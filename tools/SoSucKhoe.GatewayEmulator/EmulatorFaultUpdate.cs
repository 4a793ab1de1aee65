namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The body of <c>POST {prefix}/emulator/faults</c>. Every field is optional; a missing field leaves that fault as it is.
/// </summary>
/// <param name="LatencyMs">Fixed latency added to every gateway request, in milliseconds.</param>
/// <param name="JitterMs">Random extra latency (0..JitterMs), in milliseconds.</param>
/// <param name="ErrorRate">Share of gateway requests answered HTTP 500.</param>
/// <param name="RejectRate">Share of valid documents refused with a business result code.</param>
/// <param name="FailNext">The next N gateway requests are answered HTTP 500.</param>
/// <param name="OutageSeconds">Start an outage (HTTP 503) for this many seconds from now.</param>
/// <param name="OutageUntil">Start an outage (HTTP 503) until this instant.</param>
/// <param name="ClearOutage">End any outage now.</param>
/// <param name="ExpireTokens">Invalidate every token issued so far.</param>
/// <param name="Clear">Remove every fault first (the other fields then apply on top).</param>
public sealed record EmulatorFaultUpdate(
    double? LatencyMs = null,
    double? JitterMs = null,
    double? ErrorRate = null,
    double? RejectRate = null,
    int? FailNext = null,
    double? OutageSeconds = null,
    DateTimeOffset? OutageUntil = null,
    bool? ClearOutage = null,
    bool? ExpireTokens = null,
    bool? Clear = null);
