namespace SoSucKhoe.Patients;

/// <summary>A facility opens an encounter for a person who stands at its desk.</summary>
/// <param name="FacilityCode">MA_CSKCB of the facility.</param>
/// <param name="ProvinceCode">The facility's province code, sent to the gateway as maTinh.</param>
/// <param name="MaLk">The facility's episode key.</param>
/// <param name="VisitType">MA_LOAI_KCB.</param>
/// <param name="ArrivalTime">When the patient arrived (NGAY_VAO).</param>
/// <param name="InsuranceNumbers">10-digit social-insurance numbers of the cards presented, learnt for the card index.</param>
/// <param name="CheckInDocument">The facility's signed XML0 document, forwarded unchanged, or null.</param>
/// <param name="CheckInDocumentHash">SHA-256 (hex) of <paramref name="CheckInDocument"/>.</param>
/// <param name="Standard">The data standard of the arrival day ("4750", "3176"), whose check-in endpoint the document goes to.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.CheckInCommand")]
public sealed record CheckInCommand(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string MaLk,
    [property: Id(3)] string VisitType,
    [property: Id(4)] DateTimeOffset ArrivalTime,
    [property: Id(5)] IReadOnlyList<string> InsuranceNumbers,
    [property: Id(6)] byte[]? CheckInDocument,
    [property: Id(7)] string? CheckInDocumentHash,
    [property: Id(8)] string? Standard = null);

/// <summary>The result of a check-in.</summary>
/// <param name="Encounter">The encounter, new or found again.</param>
/// <param name="Created">False when the same (MA_CSKCB, MA_LK) had been checked in before.</param>
/// <param name="DocumentQueued">True when an XML0 document new to the hub was queued for the gateway by this call.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.CheckInOutcome")]
public sealed record CheckInOutcome(
    [property: Id(0)] EncounterView Encounter,
    [property: Id(1)] bool Created,
    [property: Id(2)] bool DocumentQueued);
