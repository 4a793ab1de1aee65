namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>
/// Lag from acceptance by the hub to the gateway's acknowledgement (the hub's own <c>updated_at - accepted_at</c> of the status),
/// over a sample of accepted dossiers; <see cref="NotAcknowledged"/> of them were still not acknowledged when polling stopped.
/// </summary>
public sealed record ForwardingLag(int Sampled, int Acknowledged, int NotAcknowledged, LatencySummary Lag);
