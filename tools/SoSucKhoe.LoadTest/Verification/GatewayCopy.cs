using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>One dossier the gateway (emulator) acknowledged, from its record of what it received.</summary>
/// <param name="Sequence">Its arrival number at the emulator.</param>
/// <param name="Facility">maCSKCB.</param>
/// <param name="MaLk">The episode key read from the document.</param>
/// <param name="Sha256">SHA-256 of the decoded document: the bytes that reached the gateway.</param>
/// <param name="ReceivedAt">When the emulator received it.</param>
/// <param name="MaGiaoDich">The receipt it handed back.</param>
public sealed record GatewayCopy(long Sequence, string Facility, string MaLk, ContentHash Sha256, DateTimeOffset ReceivedAt, string MaGiaoDich)
{
    /// <summary>The identity of the bytes received.</summary>
    public DossierKey Key => new(Facility, MaLk, Sha256);
}

/// <summary>A time during which nothing could reach the gateway through no fault of the forwarding: an outage, a dead hub.</summary>
/// <param name="From">When it began.</param>
/// <param name="To">When it ended (the gateway answered again; the restarted hub served again).</param>
/// <param name="Reason">What it was, for the report (<c>gateway outage</c>, <c>hub down</c>).</param>
public sealed record Disruption(DateTimeOffset From, DateTimeOffset To, string Reason)
{
    /// <summary>The reason of a hub's time between its stop (the signal) and its readiness after the restart.</summary>
    public const string HubDown = "hub down";

    /// <summary>The reason of a gateway outage.</summary>
    public const string GatewayOutage = "gateway outage";
}
