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
public sealed record BookVisit(
    string FacilityCode,
    string MaLk,
    int Version,
    string ContentHash,
    DateTimeOffset ArrivalTime,
    DateTimeOffset? DischargeTime,
    string VisitType,
    string? Reason,
    BookDiagnosis? MainDiagnosis,
    IReadOnlyList<BookDiagnosis> SecondaryDiagnoses,
    IReadOnlyList<string> TraditionalDiagnoses,
    string? TreatmentResult,
    string? DischargeType,
    string? BloodGroup,
    decimal? WeightKg,
    IReadOnlyList<BookLabResult> LabResults,
    IReadOnlyList<BookDrug> Drugs,
    IReadOnlyList<BookService> Services,
    IReadOnlyList<string> Procedures,
    BookRecordSummary? RecordSummary,
    BookDischargePaper? DischargePaper,
    BookReferral? Referral,
    BookReExam? ReExam,
    BookSickLeave? SickLeave,
    DateTimeOffset? InpatientAdmissionTime,
    string? AdmissionDiagnosisText,
    string? DischargeDiagnosisText,
    int? TreatmentDays,
    string? DepartmentCode)
{
    /// <summary>The episode's dossier identifier, <c>MA_CSKCB:MA_LK</c>.</summary>
    public string DossierId => $"{FacilityCode}:{MaLk}";
}
