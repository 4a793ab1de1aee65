namespace SoSucKhoe.Patients;

/// <summary>One encounter (one episode, one MA_LK at one facility) of a person.</summary>
/// <param name="Sequence">Per-person sequence number, given when the hub first hears of the episode and never changed.</param>
/// <param name="FacilityCode">MA_CSKCB.</param>
/// <param name="MaLk">The facility's episode key.</param>
/// <param name="VisitType">MA_LOAI_KCB.</param>
/// <param name="ArrivalTime">NGAY_VAO: encounters are ordered by it.</param>
/// <param name="DischargeTime">NGAY_RA once a dossier came.</param>
/// <param name="CheckedInAt">When the facility checked the person in through the hub, if it did.</param>
/// <param name="LatestVersion">The latest dossier version, 0 while only checked in.</param>
/// <param name="State">Forwarding state of the latest dossier version, null while only checked in.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.EncounterView")]
public sealed record EncounterView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string MaLk,
    [property: Id(3)] string VisitType,
    [property: Id(4)] DateTimeOffset ArrivalTime,
    [property: Id(5)] DateTimeOffset? DischargeTime,
    [property: Id(6)] DateTimeOffset? CheckedInAt,
    [property: Id(7)] int LatestVersion,
    [property: Id(8)] ForwardingState? State);
