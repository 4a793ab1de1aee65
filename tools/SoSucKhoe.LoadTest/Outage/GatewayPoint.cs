namespace SoSucKhoe.LoadTest.Outage;

/// <summary>
/// A poll during a run: at <see cref="AtSeconds"/> the hub had accepted <see cref="HubAccepted"/> new dossiers (duplicates not
/// counted) and the gateway had acknowledged <see cref="GatewayAcknowledged"/> dossiers since the baseline.
/// </summary>
public sealed record GatewayPoint(double AtSeconds, long HubAccepted, long GatewayAcknowledged)
{
    /// <summary>Accepted by the hub, not yet acknowledged by the gateway.</summary>
    public long Backlog => Math.Max(0, HubAccepted - GatewayAcknowledged);
}
