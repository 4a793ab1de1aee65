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
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookRecordSummary")]
public sealed record BookRecordSummary(
    [property: Id(0)] string? AdmissionDiagnosis,
    [property: Id(1)] string? DischargeDiagnosis,
    [property: Id(2)] string? DiseaseCourse,
    [property: Id(3)] string? KeyResults,
    [property: Id(4)] string? TreatmentMethod,
    [property: Id(5)] string? TreatmentResult,
    [property: Id(6)] string? Notes,
    [property: Id(7)] DateTimeOffset? DocumentDate);
