namespace SoSucKhoe.Book;

/// <summary>The key free-text fields of the medical record summary (XML8).</summary>
/// <param name="AdmissionDiagnosis">CHAN_DOAN_VAO.</param>
/// <param name="DischargeDiagnosis">CHAN_DOAN_RV.</param>
/// <param name="DiseaseCourse">QT_BENHLY: the course of the illness.</param>
/// <param name="KeyResults">TOMTAT_KQ: summary of the paraclinical results.</param>
/// <param name="TreatmentMethod">PP_DIEUTRI.</param>
/// <param name="TreatmentResult">KET_QUA_DTRI code.</param>
/// <param name="Notes">GHI_CHU.</param>
/// <param name="DocumentDate">NGAY_CT.</param>
public sealed record BookRecordSummary(
    string? AdmissionDiagnosis,
    string? DischargeDiagnosis,
    string? DiseaseCourse,
    string? KeyResults,
    string? TreatmentMethod,
    string? TreatmentResult,
    string? Notes,
    DateTimeOffset? DocumentDate);
