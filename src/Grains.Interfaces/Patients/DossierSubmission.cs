using SoSucKhoe.Book;

namespace SoSucKhoe.Patients;

/// <summary>
/// A dossier that passed validation, with the few facts the patient grain needs to file it and its projection into the
/// e-health book (never anything from XML6). The bytes are the facility's signed document, kept and forwarded unchanged.
/// <see cref="Standard"/> is the data standard it was validated against ("4750", "3176"): it travels with the document to the
/// gateway, which takes each standard at its own endpoints.
/// </summary>
/// <param name="Book">The version's <see cref="SoSucKhoe.Book.BookProjection"/>, encoded by the intake; the grain keeps it as is.</param>
/// <param name="ReExam">The re-exam appointment the version books, for the receiving facility's list.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.DossierSubmission")]
public sealed record DossierSubmission(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string MaLk,
    [property: Id(3)] string VisitType,
    [property: Id(4)] DateTimeOffset ArrivalTime,
    [property: Id(5)] DateTimeOffset? DischargeTime,
    [property: Id(6)] string ContentHash,
    [property: Id(7)] byte[] Document,
    [property: Id(8)] IReadOnlyList<string> InsuranceNumbers,
    [property: Id(9)] string? MainDiagnosis,
    [property: Id(12)] byte[]? Book = null,
    [property: Id(13)] ReExamBooking? ReExam = null,
    [property: Id(14)] string? Standard = null);

/// <summary>The hub's answer to a dossier submission.</summary>
/// <param name="DossierId">Stable identifier of the episode's dossier: <c>MA_CSKCB:MA_LK</c>.</param>
/// <param name="PersonKey">The person the dossier is filed under.</param>
/// <param name="MaLk">The episode key.</param>
/// <param name="Version">1 for the first submission, n+1 for each correction with changed content.</param>
/// <param name="EncounterSequence">The encounter's per-person sequence number.</param>
/// <param name="State">The version's forwarding state now.</param>
/// <param name="Duplicate">True when identical content had been accepted before: nothing new is forwarded.</param>
/// <param name="AcceptedAt">When this version was accepted.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.DossierAcceptance")]
public sealed record DossierAcceptance(
    [property: Id(0)] string DossierId,
    [property: Id(1)] string PersonKey,
    [property: Id(2)] string MaLk,
    [property: Id(3)] int Version,
    [property: Id(4)] long EncounterSequence,
    [property: Id(5)] ForwardingState State,
    [property: Id(6)] bool Duplicate,
    [property: Id(7)] DateTimeOffset AcceptedAt);
