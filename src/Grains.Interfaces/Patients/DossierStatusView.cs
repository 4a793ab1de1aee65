namespace SoSucKhoe.Patients;

/// <summary>The gateway's receipt for a delivered document.</summary>
/// <param name="MaGiaoDich">The gateway's transaction code, kept for reconciliation.</param>
/// <param name="ThoiGianTiepNhan">The gateway's reception time as it sent it (yyyyMMddHHmmss, Vietnam time).</param>
/// <param name="ReceivedAt">The same instant, parsed, when it could be.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.GatewayReceipt")]
public sealed record GatewayReceipt(
    [property: Id(0)] string MaGiaoDich,
    [property: Id(1)] string ThoiGianTiepNhan,
    [property: Id(2)] DateTimeOffset? ReceivedAt);

/// <summary>The status of one version of an episode's dossier (<see cref="Standard"/>: the data standard it was validated against).</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.DossierStatusView")]
public sealed record DossierStatusView(
    [property: Id(0)] string DossierId,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string MaLk,
    [property: Id(3)] int Version,
    [property: Id(4)] int LatestVersion,
    [property: Id(5)] ForwardingState State,
    [property: Id(6)] int Attempts,
    [property: Id(7)] string? LastError,
    [property: Id(8)] string? GatewayResultCode,
    [property: Id(9)] string? GatewayMessage,
    [property: Id(10)] GatewayReceipt? Receipt,
    [property: Id(11)] DateTimeOffset AcceptedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] string ContentHash,
    [property: Id(14)] long EncounterSequence,
    [property: Id(15)] string? Standard = null);
