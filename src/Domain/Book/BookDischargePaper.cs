namespace SoSucKhoe.Book;

/// <summary>The discharge paper (XML7 giấy ra viện) the citizen carries.</summary>
/// <param name="ArchiveNumber">SO_LUU_TRU.</param>
/// <param name="DischargeDepartment">MA_KHOA_RV.</param>
/// <param name="AdmissionTime">NGAY_VAO.</param>
/// <param name="DischargeTime">NGAY_RA.</param>
/// <param name="DischargeDiagnosis">CHAN_DOAN_RV.</param>
/// <param name="TreatmentMethod">PP_DIEUTRI.</param>
/// <param name="Notes">GHI_CHU.</param>
/// <param name="DoctorName">TEN_BS.</param>
/// <param name="DocumentDate">NGAY_CT.</param>
/// <param name="LeaveDays">SO_NGAY_NGHI (rest days after discharge), when given.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookDischargePaper")]
public sealed record BookDischargePaper(
    [property: Id(0)] string? ArchiveNumber,
    [property: Id(1)] string? DischargeDepartment,
    [property: Id(2)] DateTimeOffset? AdmissionTime,
    [property: Id(3)] DateTimeOffset? DischargeTime,
    [property: Id(4)] string? DischargeDiagnosis,
    [property: Id(5)] string? TreatmentMethod,
    [property: Id(6)] string? Notes,
    [property: Id(7)] string? DoctorName,
    [property: Id(8)] DateTimeOffset? DocumentDate,
    [property: Id(9)] int? LeaveDays);
