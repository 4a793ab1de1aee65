namespace SoSucKhoe.Book;

/// <summary>
/// One dossier version's contribution to the health book: one visit or treatment episode (one MA_LK at one facility) as the
/// citizen sees it. Built by the book projector from XML1, 2, 3, 4, 7, 8, 11, 13 and 14; never from XML6 (HIV/AIDS).
/// Money fields are left out on purpose.
/// </summary>
/// <param name="FacilityCode">MA_CSKCB.</param>
/// <param name="MaLk">The facility's episode key.</param>
/// <param name="Version">The dossier version this projection was built from (1, 2, … per correction).</param>
/// <param name="ContentHash">SHA-256 of the exact dossier bytes of that version.</param>
/// <param name="ArrivalTime">XML1 NGAY_VAO (Vietnam time).</param>
/// <param name="DischargeTime">XML1 NGAY_RA.</param>
/// <param name="VisitType">MA_LOAI_KCB ("01" … "16"), leading zero kept.</param>
/// <param name="Reason">LY_DO_VV: why the citizen came.</param>
/// <param name="MainDiagnosis">MA_BENH_CHINH with its catalogue name; null only when the dossier had none.</param>
/// <param name="SecondaryDiagnoses">MA_BENH_KT codes in the order sent.</param>
/// <param name="TraditionalDiagnoses">MA_BENH_YHCT codes (traditional medicine catalogue, no names here).</param>
/// <param name="TreatmentResult">KET_QUA_DTRI code ("1" … "8").</param>
/// <param name="DischargeType">MA_LOAI_RV code ("1" … "5").</param>
/// <param name="BloodGroup">NHOM_MAU when recorded.</param>
/// <param name="WeightKg">CAN_NANG.</param>
/// <param name="LabResults">XML4 rows.</param>
/// <param name="Drugs">XML2 rows.</param>
/// <param name="Services">XML3 rows.</param>
/// <param name="Procedures">ICD-9 CM procedure codes: XML1 MA_PTTT_QT, then the XML3 rows' MA_PTTT_QT, without repeats.</param>
/// <param name="RecordSummary">XML8.</param>
/// <param name="DischargePaper">XML7.</param>
/// <param name="Referral">XML13.</param>
/// <param name="ReExam">XML14 (or XML1 NGAY_TAI_KHAM alone).</param>
/// <param name="SickLeave">XML11.</param>
/// <param name="InpatientAdmissionTime">NGAY_VAO_NOI_TRU.</param>
/// <param name="AdmissionDiagnosisText">CHAN_DOAN_VAO.</param>
/// <param name="DischargeDiagnosisText">CHAN_DOAN_RV.</param>
/// <param name="TreatmentDays">SO_NGAY_DTRI.</param>
/// <param name="DepartmentCode">MA_KHOA.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookVisit")]
public sealed record BookVisit(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string MaLk,
    [property: Id(2)] int Version,
    [property: Id(3)] string ContentHash,
    [property: Id(4)] DateTimeOffset ArrivalTime,
    [property: Id(5)] DateTimeOffset? DischargeTime,
    [property: Id(6)] string VisitType,
    [property: Id(7)] string? Reason,
    [property: Id(8)] BookDiagnosis? MainDiagnosis,
    [property: Id(9)] IReadOnlyList<BookDiagnosis> SecondaryDiagnoses,
    [property: Id(10)] IReadOnlyList<string> TraditionalDiagnoses,
    [property: Id(11)] string? TreatmentResult,
    [property: Id(12)] string? DischargeType,
    [property: Id(13)] string? BloodGroup,
    [property: Id(14)] decimal? WeightKg,
    [property: Id(15)] IReadOnlyList<BookLabResult> LabResults,
    [property: Id(16)] IReadOnlyList<BookDrug> Drugs,
    [property: Id(17)] IReadOnlyList<BookService> Services,
    [property: Id(18)] IReadOnlyList<string> Procedures,
    [property: Id(19)] BookRecordSummary? RecordSummary,
    [property: Id(20)] BookDischargePaper? DischargePaper,
    [property: Id(21)] BookReferral? Referral,
    [property: Id(22)] BookReExam? ReExam,
    [property: Id(23)] BookSickLeave? SickLeave,
    [property: Id(24)] DateTimeOffset? InpatientAdmissionTime,
    [property: Id(25)] string? AdmissionDiagnosisText,
    [property: Id(26)] string? DischargeDiagnosisText,
    [property: Id(27)] int? TreatmentDays,
    [property: Id(28)] string? DepartmentCode)
{
    /// <summary>The episode's dossier identifier, <c>MA_CSKCB:MA_LK</c>.</summary>
    public string DossierId => $"{FacilityCode}:{MaLk}";
}
